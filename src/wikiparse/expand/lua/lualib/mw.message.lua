-- mw.message: there is no message store offline; raw messages and parameters work, and a key
-- with no text renders as MediaWiki renders a missing message (⧼key⧽).
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local message = {}
mw.message = message

local Message = {}
Message.__index = Message

local function make(key, raw, ...)
	local m = setmetatable({ key = key, raw = raw, params = {}, lang = nil }, Message)
	m:params(...)
	return m
end

function message.new(key, ...)
	checkType('message.new', 1, key, 'string')
	return make(key, nil, ...)
end

function message.newFallbackSequence(...)
	local first = ...
	return make(first, nil)
end

function message.newRawMessage(msg, ...)
	checkType('message.newRawMessage', 1, msg, 'string')
	return make(nil, msg, ...)
end

function message.rawParam(value) return { raw = value } end
function message.numParam(value) return { num = value } end
function message.getDefaultLanguage() return mw.language.getContentLanguage() end

function Message:params(...)
	local n = select('#', ...)
	local args = { ... }
	if n == 1 and type(args[1]) == 'table' and args[1].raw == nil and args[1].num == nil then
		args = args[1]
		n = #args
	end
	for i = 1, n do self.params[#self.params + 1] = args[i] end
	return self
end
Message.rawParams = Message.params
Message.numParams = Message.params

function Message:inLanguage(lang) self.lang = lang return self end
function Message:useDatabase() return self end

function Message:exists() return self.raw ~= nil end
function Message:isBlank() return self.raw == nil or self.raw == '' end
function Message:isDisabled() return self:isBlank() or self.raw == '-' end

function Message:plain()
	if self.raw == nil then return '⧼' .. tostring(self.key) .. '⧽' end
	local params = self.params
	return (self.raw:gsub('%$(%d+)', function(d)
		local p = params[tonumber(d)]
		if p == nil then return '$' .. d end
		if type(p) == 'table' then p = p.raw or p.num end
		return tostring(p)
	end))
end
Message.text = Message.plain
Message.parse = Message.plain
Message.escaped = function(self) return mw.text.encode(self:plain()) end
Message.__tostring = Message.plain

return message

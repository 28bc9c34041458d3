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
	local m = setmetatable({ key = key, raw = raw, _params = {}, lang = nil }, Message)
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

local function add_params(self, kind, ...)
	local n = select('#', ...)
	local args = { ... }
	if n == 1 and type(args[1]) == 'table' and getmetatable(args[1]) ~= Message
		and args[1].raw == nil and args[1].num == nil then
		args = args[1]
		n = #args
	end
	for i = 1, n do
		local v = args[i]
		if kind == 'num' and type(v) ~= 'table' then v = { num = v } end
		self._params[#self._params + 1] = v
	end
	return self
end

function Message:params(...) return add_params(self, 'plain', ...) end
function Message:rawParams(...) return add_params(self, 'raw', ...) end
function Message:numParams(...) return add_params(self, 'num', ...) end

function Message:inLanguage(lang) self.lang = lang return self end
function Message:useDatabase() return self end

function Message:exists() return self.raw ~= nil end
function Message:isBlank() return self.raw == nil or self.raw == '' end
function Message:isDisabled() return self:isBlank() or self.raw == '-' end

function Message:plain()
	if self.raw == nil then return '⧼' .. tostring(self.key) .. '⧽' end
	local params = self._params
	return (self.raw:gsub('%$(%d+)', function(d)
		local p = params[tonumber(d)]
		if p == nil then return '$' .. d end
		if getmetatable(p) == Message then return p:plain() end
		if type(p) == 'table' then
			if p.num ~= nil then
				local n = tonumber(p.num) or p.num
				local s = mw.language.getContentLanguage():formatNum(n)
				return (s:gsub('^%-', '\226\136\146'))
			end
			p = p.raw
		end
		return tostring(p)
	end))
end
Message.text = Message.plain
Message.parse = Message.plain
Message.escaped = function(self) return mw.text.encode(self:plain()) end
Message.__tostring = Message.plain

return message

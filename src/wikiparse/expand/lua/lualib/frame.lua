-- The frame object: lazy arguments and the calls back into the preprocessor.
local util, bridge, libs = ...
local libraryUtil = libs.libraryUtil
local checkType = libraryUtil.checkType
local pairs = util.base.pairs
local mw = libs.mw

local make_frame

local function make_args(handle)
	local cache, missing = {}, {}
	local all = nil
	local args = {}
	local function load_all()
		if all == nil then all = bridge.frame_args(handle) end
		return all
	end
	setmetatable(args, {
		__index = function(_, k)
			local tk = type(k)
			if tk ~= 'number' and tk ~= 'string' then return nil end
			local v = cache[k]
			if v ~= nil then return v end
			if missing[k] then return nil end
			if all ~= nil and tk == 'number' then
				v = all[k]
			else
				v = bridge.frame_arg(handle, k)
			end
			if v == nil then missing[k] = true else cache[k] = v end
			return v
		end,
		__pairs = function(t)
			local a = load_all()
			return function(_, k)
				local nk, nv = next(a, k)
				if nk ~= nil then
					local own = rawget(t, nk)
					if own ~= nil then nv = own end
				end
				return nk, nv
			end, t, nil
		end,
		__ipairs = function(t)
			return function(_, i)
				i = i + 1
				local v = t[i]
				if v ~= nil then return i, v end
			end, t, 0
		end,
	})
	return args
end

local function title_text(title, default_ns, fn)
	if type(title) == 'table' and title.prefixedText then
		if title.namespace == 0 then return ':' .. title.prefixedText end
		return title.prefixedText
	end
	if type(title) == 'number' then title = tostring(title) end
	if type(title) ~= 'string' then
		error(fn .. ': title is not a string', 3)
	end
	local info = bridge.title_parse(title, default_ns)
	if info == nil or info.interwiki ~= '' then
		error(fn .. ': invalid title "' .. title .. '"', 3)
	end
	local full = libs['mw.title'].makeTitle(info.namespace, info.text).prefixedText
	if info.namespace == 0 then full = ':' .. full end
	return full
end

local function check_args(args, fn)
	local out = {}
	if args == nil then return out end
	if type(args) ~= 'table' then
		error(fn .. ': args must be a table', 3)
	end
	for k, v in pairs(args) do
		local tv = type(v)
		if tv == 'number' then v = tostring(v)
		elseif tv ~= 'string' then
			error(fn .. ': invalid type ' .. tv .. ' for arg \'' .. tostring(k) .. '\'', 3)
		end
		if type(k) ~= 'number' and type(k) ~= 'string' then
			error(fn .. ': invalid type ' .. type(k) .. ' for arg key', 3)
		end
		out[k] = v
	end
	return out
end

-- Methods are shared; each frame's own state (its handle, parent) is kept out of reach.
local states = setmetatable({}, { __mode = 'k' })
local methods = {}
local frame_mt = { __index = methods }

local function state_of(self, method)
	local st = type(self) == 'table' and states[self]
	if not st then
		error(string.format("mw: invalid frame object. Did you call %s with a dot instead of a colon, " ..
			"i.e. frame.%s() instead of frame:%s()?", method, method, method), 3)
	end
	return st
end

function methods:getParent()
	local st = state_of(self, 'getParent')
	if st.parent ~= nil then return st.parent or nil end
	if not st.parent_allowed then return nil end
	local ph = bridge.frame_parent(st.handle)
	if ph == nil then
		st.parent = false
		return nil
	end
	st.parent = make_frame(ph, false, nil)
	return st.parent
end

function methods:getTitle()
	local st = state_of(self, 'getTitle')
	if st.title == nil then st.title = bridge.frame_title(st.handle) end
	return st.title
end

function methods:getArgument(opt)
	state_of(self, 'getArgument')
	local name = opt
	if type(opt) == 'table' then name = opt.name end
	local args = self.args
	return { expand = function() return args[name] end }
end

function methods:argumentPairs()
	state_of(self, 'argumentPairs')
	return pairs(self.args)
end

function methods:preprocess(opt)
	local st = state_of(self, 'preprocess')
	local text = opt
	if type(opt) == 'table' then text = opt.text end
	if type(text) == 'number' then text = tostring(text) end
	checkType('preprocess', 1, text, 'string')
	return bridge.frame_preprocess(st.handle, text)
end

function methods:expandTemplate(opt)
	local st = state_of(self, 'expandTemplate')
	if type(opt) ~= 'table' then
		error('frame:expandTemplate: the first parameter must be a table', 2)
	end
	if opt.title == nil then
		error('frame:expandTemplate: a title is required', 2)
	end
	local t = title_text(opt.title, 10, 'frame:expandTemplate')
	return bridge.frame_expand(st.handle, t, check_args(opt.args, 'frame:expandTemplate'))
end

function methods:callParserFunction(name, args, ...)
	local st = state_of(self, 'callParserFunction')
	if type(name) == 'table' then
		name, args = name.name, name.args
		if type(args) ~= 'table' then args = { args } end
	elseif type(args) ~= 'table' then
		args = { args, ... }
	end
	if type(name) ~= 'string' then
		error('frame:callParserFunction: function name must be a string', 2)
	end
	local list = {}
	local colon = name:find(':', 1, true)
	if colon then
		list[1] = mw.text.trim(name:sub(colon + 1))
		name = name:sub(1, colon - 1)
	end
	local n = 0
	for k in pairs(args) do
		if type(k) == 'number' and k > n and k % 1 == 0 then n = k end
	end
	for i = 1, n do
		local v = args[i]
		if v == nil then v = '' end
		list[#list + 1] = tostring(v)
	end
	local named = {}
	for k, v in pairs(args) do
		if not (type(k) == 'number' and k >= 1 and k <= n and k % 1 == 0) then
			named[#named + 1] = { tostring(k), tostring(v) }
		end
	end
	table.sort(named, function(a, b) return a[1] < b[1] end)
	for _, kv in ipairs(named) do
		list[#list + 1] = kv[1] .. '=' .. kv[2]
	end
	return bridge.frame_callpf(st.handle, name, list)
end

function methods:extensionTag(name, content, args)
	local st = state_of(self, 'extensionTag')
	if type(name) == 'table' then
		name, content, args = name.name, name.content, name.args
	end
	if type(name) ~= 'string' then
		error('frame:extensionTag: tag name must be a string', 2)
	end
	if content == nil then content = '' end
	local attrs = {}
	if type(args) == 'table' then
		for k, v in pairs(args) do
			if type(k) == 'string' then attrs[k] = tostring(v) end
		end
	elseif args ~= nil then
		error('frame:extensionTag: args must be a table', 2)
	end
	return bridge.frame_tag(st.handle, name, tostring(content), attrs)
end

function methods:newChild(opt)
	local st = state_of(self, 'newChild')
	opt = opt or {}
	if type(opt) ~= 'table' then
		error('frame:newChild: the first parameter must be a table', 2)
	end
	local t
	if opt.title == nil then
		t = self:getTitle()
	elseif type(opt.title) == 'table' then
		t = opt.title.prefixedText
	else
		t = tostring(opt.title)
	end
	local child = bridge.frame_child(st.handle, t, check_args(opt.args, 'frame:newChild'))
	return make_frame(child, false, self)
end

function methods:newParserValue(opt)
	state_of(self, 'newParserValue')
	local text = type(opt) == 'table' and opt.text or opt
	local f = self
	return { expand = function() return f:preprocess(text) end }
end

function methods:newTemplateParserValue(opt)
	state_of(self, 'newTemplateParserValue')
	local f = self
	return { expand = function() return f:expandTemplate(opt) end }
end

make_frame = function(handle, parent_allowed, parent_frame)
	local frame = setmetatable({ args = make_args(handle) }, frame_mt)
	states[frame] = { handle = handle, parent_allowed = parent_allowed, parent = parent_frame }
	return frame
end

local current = nil

function libs.frame_for(handle)
	return make_frame(handle, true, nil)
end

function libs.current_frame()
	return current
end

function libs.set_current_frame(frame)
	current = frame
end

function mw.getCurrentFrame()
	return current
end

return {}

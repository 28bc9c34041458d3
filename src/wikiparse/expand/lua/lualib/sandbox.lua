-- The sandbox: the globals a module sees, the CPU budget, require/loadData, and #invoke itself.
-- Runs once per Lua state (one page) in the state's real globals, which no module can reach:
-- modules run in a fresh copy of `base` per #invoke, and getfenv/setfenv refuse protected
-- environments.  `bridge` holds the Python callbacks (already wrapped to raise Lua errors);
-- it is kept in upvalues only.
local raw_bridge, options = ...
local bridge = {}   -- filled below: the callbacks, checked

local real_G = _G
local raw_pcall, raw_xpcall, raw_error = pcall, xpcall, error
local raw_getfenv, raw_setfenv = getfenv, setfenv
local raw_setmetatable, raw_getmetatable = setmetatable, getmetatable
local raw_type, raw_next, raw_select, raw_tostring = type, next, select, tostring
local raw_unpack, raw_rawget, raw_rawset = unpack, rawget, rawset
-- The budget is the CPU time of this thread (options.clock), so pages expanded at once in other
-- threads do not use it up; modules still see os.clock.
local clock = options.clock or os.clock
local sethook = debug.sethook
local debug_getmetatable = debug.getmetatable
local traceback = debug.traceback
local loadstring = loadstring

-- string.dump would expose bytecode; the string metatable's __index is the real string table.
-- (Kept here only to cache our own compiled chunks across pages.)
local string_dump = string.dump
string.dump = nil

local TIMEOUT = 'The time allocated for running scripts has expired.'
local NOMEM = 'not enough memory'

----------------------------------------------------------------------------- CPU budget
-- `used` is Lua time spent on this page so far; `seg_start` is when the running segment began.
-- Callbacks into the preprocessor close the segment (their time is not Lua time).
local limit = options.cpu_seconds
local used = 0
local seg_start = nil
local expired = false

local function over_budget()
	if seg_start and used + (clock() - seg_start) > limit then
		expired = true
	end
	return expired
end

local function hook()
	if over_budget() then
		raw_error(TIMEOUT, 0)
	end
end
sethook(hook, '', options.hook_count)

local function segment_open()
	seg_start = clock()
end
local function segment_close()
	if seg_start then
		used = used + (clock() - seg_start)
		seg_start = nil
	end
end

local function is_fatal(e)
	return expired or e == NOMEM
end

-- Python callbacks return (true, results...) or (false, message).
local function check(ok, ...)
	if not ok then raw_error((...), 0) end
	return ...
end
for name, f in raw_next, raw_bridge do
	if options.paused[name] then
		-- the Python side never raises (it returns false, message), so no pcall is needed to
		-- reopen the segment: one C-stack level less per nesting through templates
		bridge[name] = function(...)
			local was_open = seg_start ~= nil
			segment_close()
			local r = { f(...) }
			if was_open then segment_open() end
			if over_budget() then raw_error(TIMEOUT, 0) end
			return check(raw_unpack(r, 1, table.maxn(r)))
		end
	else
		bridge[name] = function(...) return check(f(...)) end
	end
end
raw_bridge = nil

----------------------------------------------------------------------------- protected env functions
local function make_protected_env_funcs(protected_envs, protected_funcs)
	local function getfenv(f)
		local env
		if f == nil then f = 1 end
		if raw_type(f) == 'number' then
			if f < 0 then raw_error("bad argument #1 to 'getfenv' (level must be non-negative)", 2) end
			if f == 0 then raw_error("'getfenv' cannot get the global environment", 2) end
			if f > 10 then raw_error("'getfenv' cannot get an environment at a level greater than 10", 2) end
			local ok, e = raw_pcall(raw_getfenv, f + 2)
			if not ok then
				if raw_type(e) == 'string' and e:find('tail call', 1, true) then
					raw_error('no function environment for tail call at level ' .. f, 2)
				end
				raw_error(e, 2)
			end
			env = e
		elseif raw_type(f) == 'function' then
			env = raw_getfenv(f)
		else
			raw_error("'getfenv' can only be called with a function or integer as the first argument", 2)
		end
		if protected_envs[env] then return nil end
		return env
	end

	local function setfenv(f, env)
		if raw_type(f) == 'number' then
			if f < 0 then raw_error("bad argument #1 to 'setfenv' (level must be non-negative)", 2) end
			if f == 0 then raw_error("'setfenv' cannot set the global environment, it is protected", 2) end
			if f > 10 then raw_error("'setfenv' cannot set an environment at a level greater than 10", 2) end
			local ok, e = raw_pcall(raw_getfenv, f + 2)
			if ok and protected_envs[e] then
				raw_error("'setfenv' cannot set the requested environment, it is protected", 2)
			end
			local ok2, res = raw_pcall(raw_setfenv, f + 2, env)
			if not ok2 then raw_error(res, 2) end
			return nil
		elseif raw_type(f) == 'function' then
			if protected_funcs[f] then
				raw_error("'setfenv' cannot be called on a protected function", 2)
			end
			if protected_envs[raw_getfenv(f)] then
				raw_error("'setfenv' cannot set the requested environment, it is protected", 2)
			end
			return raw_setfenv(f, env)
		end
		raw_error("'setfenv' can only be called with a function or integer as the first argument", 2)
	end
	return setfenv, getfenv
end

local protected_envs = { [real_G] = true }
local protected_funcs = {}

----------------------------------------------------------------------------- safe base functions
local function rethrow(ok, ...)
	if not ok then
		local e = ...
		if is_fatal(e) then raw_error(expired and TIMEOUT or e, 0) end
	end
	return ok, ...
end

local function safe_pcall(f, ...)
	return rethrow(raw_pcall(f, ...))
end

local function safe_xpcall(f, handler)
	local fatal
	local ok_r = { raw_xpcall(f, function(e)
		if is_fatal(e) then fatal = e return e end
		return handler(e)
	end) }
	if fatal or expired then raw_error(expired and TIMEOUT or fatal, 0) end
	return raw_unpack(ok_r, 1, table.maxn(ok_r))
end

local function safe_pairs(t)
	local mt = debug_getmetatable(t)
	if raw_type(mt) == 'table' and mt.__pairs then
		local a, b, c = mt.__pairs(t)
		return a, b, c
	end
	return raw_next, t, nil
end

local function ipairs_iter(t, i)
	i = i + 1
	local v = t[i]
	if v ~= nil then return i, v end
end

local function safe_ipairs(t)
	local mt = debug_getmetatable(t)
	if raw_type(mt) == 'table' and mt.__ipairs then
		local a, b, c = mt.__ipairs(t)
		return a, b, c
	end
	if raw_type(t) ~= 'table' then
		raw_error("bad argument #1 to 'ipairs' (table expected, got " .. raw_type(t) .. ")", 2)
	end
	return ipairs_iter, t, 0
end

-- tostring without addresses, as LuaSandbox's
local function safe_tostring(v)
	local tp = raw_type(v)
	if tp == 'table' or tp == 'userdata' then
		local mt = debug_getmetatable(v)
		if raw_type(mt) == 'table' and mt.__tostring then return raw_tostring(v) end
		return tp
	elseif tp == 'function' or tp == 'thread' then
		return tp
	end
	return raw_tostring(v)
end

local function safe_getmetatable(x)
	if raw_type(x) == 'string' then return nil end
	return raw_getmetatable(x)
end

local function safe_unpack(t, i, j)
	if raw_type(t) ~= 'table' then
		raw_error("bad argument #1 to 'old_unpack' (table expected, got " .. raw_type(t) .. ")", 2)
	end
	i = i or 1
	j = j or #t
	if j - i >= 7999 then raw_error('too many results to unpack', 2) end
	return raw_unpack(t, i, j)
end

local function copy(t)
	local c = {}
	for k, v in raw_next, t do c[k] = v end
	return c
end

local safe_os = {
	clock = os.clock,
	difftime = os.difftime,
	time = function(t)
		if t == nil then return options.now end
		return os.time(t)
	end,
	date = function(format, t)
		format = format or '%c'
		if raw_type(format) == 'string' and format:sub(1, 1) ~= '!' then
			format = '!' .. format   -- the server clock is UTC
		end
		return os.date(format, t or options.now)
	end,
}

local safe_debug = { traceback = traceback }

math.randomseed(options.seed)

local base = {
	assert = assert, error = error, ipairs = safe_ipairs, next = raw_next, pairs = safe_pairs,
	pcall = safe_pcall, xpcall = safe_xpcall, rawequal = rawequal, rawget = raw_rawget,
	rawset = raw_rawset, select = raw_select, setmetatable = raw_setmetatable,
	getmetatable = safe_getmetatable, tonumber = tonumber, tostring = safe_tostring, type = raw_type,
	unpack = safe_unpack, _VERSION = _VERSION,
	string = string, table = table, math = math, os = safe_os, debug = safe_debug,
}
base.setfenv, base.getfenv = make_protected_env_funcs(protected_envs, protected_funcs)

----------------------------------------------------------------------------- library loading
-- Library chunks (mw.text.lua …) are compiled by Python and run here with (mw, bridge, util).
local util = {
	options = options,
	copy = copy, base = base, protected_funcs = protected_funcs,
	make_protected_env_funcs = make_protected_env_funcs, is_fatal = is_fatal,
}
local builtin_packages = {}   -- name -> loader (libraryUtil, strict, …), shared by every #invoke
local libraries = {}

local function load_library(name, chunk)
	local lib = chunk(util, bridge, libraries)
	libraries[name] = lib
	if name == 'libraryUtil' then
		builtin_packages[name] = function() return lib end
	end
	return lib
end

----------------------------------------------------------------------------- modules
local compiled = {}   -- title -> compiled chunk (once per page)
local data_cache = {} -- title -> read-only data proxy (mw.loadData, once per page)

-- Modules are compiled once per page; the bytecode of a source is cached by Python across pages.
-- A page whose text is itself bytecode ("\27Lua…") is refused: only our own dumps are loaded.
local function fetch_chunk(title)
	local c = compiled[title]
	if c ~= nil then return c end
	local source, bytecode = bridge.module_source(title)
	if source == nil then
		compiled[title] = false
		return false
	end
	if source:byte(1) == 27 then
		c = { error = title .. ': binary chunks are not allowed' }
	elseif bytecode ~= nil then
		c = loadstring(bytecode, '=' .. title)
	else
		local chunk, err = loadstring(source, '=' .. title)
		if not chunk then
			c = { error = err }
		else
			c = chunk
			bridge.keep_bytecode(title, source, string_dump(chunk))
		end
	end
	compiled[title] = c
	return c
end

local current_env = nil

local function new_env()
	local env = copy(base)
	env.string = copy(string)
	env.table = copy(table)
	env.math = copy(math)
	env.os = copy(safe_os)
	env.debug = copy(safe_debug)
	env._G = env
	env.mw = libraries.mw_for_env(env)
	local package = { preload = {}, loaders = {} }
	package.loaded = {
		_G = env, string = env.string, table = env.table, math = env.math, os = env.os,
		debug = env.debug, package = package, mw = env.mw,
	}
	package.seeall = function(m)
		return raw_setmetatable(m, { __index = env })
	end
	env.package = package

	local loading = {}
	local function require(name)
		if raw_type(name) ~= 'string' and raw_type(name) ~= 'number' then
			raw_error("bad argument #1 to 'require' (string expected, got " .. raw_type(name) .. ")", 2)
		end
		name = raw_tostring(name)
		local loaded = package.loaded[name]
		if loaded ~= nil then return loaded end
		if loading[name] then
			raw_error("loop or previous error loading module '" .. name .. "'", 2)
		end
		local result
		local pre = package.preload[name] or builtin_packages[name]
		if pre then
			loading[name] = true
			result = pre(name, env)
		else
			local title = bridge.module_title(name)
			local chunk = title and fetch_chunk(title)
			if not chunk then
				raw_error("module '" .. name .. "' not found", 2)
			end
			if raw_type(chunk) == 'table' then raw_error(chunk.error, 0) end
			loading[name] = true
			raw_setfenv(chunk, env)
			result = chunk(name)
		end
		loading[name] = nil
		if result == nil then result = true end
		package.loaded[name] = result
		return result
	end
	env.require = require
	return env
end
util.new_env = new_env
util.current_env = function() return current_env end

-- mw.loadData: the data module runs once per page, in its own environment, and is handed out
-- as a read-only proxy.
local function check_data(v, seen)
	local tp = raw_type(v)
	if tp == 'table' then
		if seen[v] then return end
		seen[v] = true
		if raw_getmetatable(v) ~= nil then
			raw_error('data for mw.loadData contains a table with a metatable', 0)
		end
		for k, val in raw_next, v do
			if raw_type(k) == 'table' then
				raw_error('data for mw.loadData contains a table as a key', 0)
			end
			check_data(k, seen)
			check_data(val, seen)
		end
	elseif tp ~= 'string' and tp ~= 'number' and tp ~= 'boolean' and tp ~= 'nil' then
		raw_error("data for mw.loadData contains unsupported data type '" .. tp .. "'", 0)
	end
end

local function read_only(data, what)
	local proxies = {}
	local function wrap(t)
		if raw_type(t) ~= 'table' then return t end
		local p = proxies[t]
		if p then return p end
		p = {}
		proxies[t] = p
		raw_setmetatable(p, {
			__index = function(_, k)
				local v = t[k]
				if raw_type(v) ~= 'table' then return v end
				return wrap(v)
			end,
			__newindex = function() raw_error('table from ' .. what .. ' is read-only', 2) end,
			__pairs = function()
				return function(_, k)
					local nk, nv = raw_next(t, k)
					return nk, wrap(nv)
				end, p, nil
			end,
			__ipairs = function()
				return function(_, i)
					i = i + 1
					local v = t[i]
					if v ~= nil then return i, wrap(v) end
				end, p, 0
			end,
			__metatable = what .. ' table',
		})
		return p
	end
	return wrap(data)
end
util.read_only = read_only

function util.load_data(name)
	local cached = data_cache[name]
	if cached ~= nil then return read_only(cached, 'mw.loadData') end
	local title = bridge.module_title(name)
	local chunk = title and fetch_chunk(title)
	if not chunk then raw_error("module '" .. name .. "' not found", 0) end
	if raw_type(chunk) == 'table' then raw_error(chunk.error, 0) end
	local env = new_env()
	raw_setfenv(chunk, env)
	local data = chunk(name)
	if raw_type(data) ~= 'table' then
		raw_error(name .. ' returned ' .. raw_type(data) .. ', table expected', 0)
	end
	check_data(data, {})
	data_cache[name] = data
	return read_only(data, 'mw.loadData')
end

----------------------------------------------------------------------------- #invoke
local function tostring_all(...)
	local n = raw_select('#', ...)
	local out = {}
	for i = 1, n do
		local v = raw_select(i, ...)
		if v ~= nil then out[#out + 1] = raw_tostring(v) end
	end
	return table.concat(out)
end

local function traceback_handler(e)
	if raw_type(e) ~= 'string' then
		local ok, s = raw_pcall(raw_tostring, e)
		if raw_type(e) == 'table' or not ok then e = 'Unknown error' else e = s end
	end
	return e
end

-- Runs inside one xpcall (api.invoke): every nesting level of #invoke through templates costs
-- C-stack levels, and Lua allows 200 of them.
local function run_invoke(title, fname, frame)
	local chunk = fetch_chunk(title)
	if not chunk then return 'nomodule' end
	if raw_type(chunk) == 'table' then return 'error', chunk.error end
	local env = new_env()
	current_env = env
	raw_setfenv(chunk, env)
	local exports = chunk()
	if raw_type(exports) ~= 'table' then
		return 'notable', raw_type(exports)
	end
	local fn = exports[fname]
	if raw_type(fn) ~= 'function' then
		local mt = raw_getmetatable(fn)
		if not (raw_type(mt) == 'table' and mt.__call) then
			return 'nofunction'
		end
	end
	return 'ok', tostring_all(fn(frame))
end

local api = {}

-- Returns (status, value): 'ok' text | 'error' message | 'timeout' | 'memory' | 'nomodule' |
-- 'nofunction' | 'notable' type.
function api.invoke(title, fname, frame_handle)
	if expired or used >= limit then
		expired = true
		return 'timeout'
	end
	local outer_open = seg_start ~= nil
	segment_close()
	segment_open()
	local previous = libraries.current_frame()
	local saved_env = current_env
	local ok, status, value = raw_xpcall(function()
		local frame = libraries.frame_for(frame_handle)
		libraries.set_current_frame(frame)
		return run_invoke(title, fname, frame)
	end, traceback_handler)
	libraries.set_current_frame(previous)
	current_env = saved_env
	segment_close()
	if outer_open then segment_open() end
	if not ok then status, value = 'error', status end
	if expired then return 'timeout' end
	if status == 'error' and value == NOMEM then return 'memory' end
	return status, value
end

function api.load_library(name, chunk)
	return load_library(name, chunk)
end

function api.add_package(name, chunk)
	builtin_packages[name] = function(modname, env)
		return chunk(util, env, modname)
	end
end

function api.used()
	return used
end

-- For the Scribunto test runner: run `fn` of a chunk compiled from `source` in a fresh env.
api.make_protected_env_funcs = make_protected_env_funcs

function api.run_in_env(source, chunkname, frame_handle, mw_extras)
	local chunk, err = loadstring(source, '=' .. chunkname)
	if not chunk then return false, err end
	local env = new_env()
	for k, v in raw_next, mw_extras or {} do env.mw[k] = v end
	current_env = env
	libraries.set_current_frame(libraries.frame_for(frame_handle))
	raw_setfenv(chunk, env)
	segment_open()
	local r = { raw_pcall(chunk) }
	segment_close()
	return raw_unpack(r, 1, table.maxn(r))
end

function api.call(f, ...)
	segment_open()
	local r = { raw_pcall(f, ...) }
	segment_close()
	if expired then return false, TIMEOUT end
	return raw_unpack(r, 1, table.maxn(r))
end

return api

-- The `mw` table and its core functions (clone, log, loadData, loadJsonData, …).
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local pairs, ipairs = util.base.pairs, util.base.ipairs

local mw = {}
libs.mw = mw

function libs.mw_for_env(env)
	return util.copy(mw)
end

function mw.clone(value)
	local seen = {}
	local function clone(v)
		if type(v) ~= 'table' then return v end
		if seen[v] then return seen[v] end
		local c = {}
		seen[v] = c
		for k, val in next, v do
			c[clone(k)] = clone(val)
		end
		local mt = getmetatable(v)
		if mt ~= nil then setmetatable(c, clone(mt)) end
		return c
	end
	return clone(value)
end

local function dump(value)
	local seen = {}
	local count = 0
	local function sorted_keys(t)
		local keys = {}
		for k in next, t do keys[#keys + 1] = k end
		table.sort(keys, function(a, b)
			local ta, tb = type(a), type(b)
			if ta ~= tb then return ta < tb end
			if ta == 'string' or ta == 'number' then return a < b end
			return tostring(a) < tostring(b)
		end)
		return keys
	end
	local function d(v, indent)
		local tp = type(v)
		if tp == 'string' then return string.format('%q', v) end
		if tp ~= 'table' then return tostring(v) end
		if seen[v] then return '{ ... }' end
		count = count + 1
		seen[v] = count
		local out = { 'table#' .. count .. ' {\n' }
		local n = #v
		for i = 1, n do
			out[#out + 1] = indent .. '  ' .. d(v[i], indent .. '  ') .. ',\n'
		end
		for _, k in ipairs(sorted_keys(v)) do
			if not (type(k) == 'number' and k >= 1 and k <= n and k % 1 == 0) then
				local key
				if type(k) == 'string' and k:match('^[%a_][%w_]*$') then
					key = k
				else
					key = '[' .. d(k, indent .. '  ') .. ']'
				end
				out[#out + 1] = indent .. '  ' .. key .. ' = ' .. d(v[k], indent .. '  ') .. ',\n'
			end
		end
		local mt = getmetatable(v)
		if mt ~= nil then
			out[#out + 1] = indent .. '  metatable = ' .. d(mt, indent .. '  ') .. '\n'
		end
		out[#out + 1] = indent .. '}'
		return table.concat(out)
	end
	return d(value, '')
end
mw.dumpObject = dump

function mw.log(...)
	local n = select('#', ...)
	local parts = {}
	for i = 1, n do parts[i] = tostring((select(i, ...))) end
	bridge.log(table.concat(parts, '\t'))
end

function mw.logObject(object, prefix)
	if prefix ~= nil and prefix ~= '' then
		bridge.log(tostring(prefix) .. ' = ' .. dump(object))
	else
		bridge.log(dump(object))
	end
end

function mw.allToString(...)
	local n = select('#', ...)
	local parts = {}
	for i = 1, n do parts[i] = tostring((select(i, ...))) end
	return table.concat(parts, '\t')
end

function mw.isSubsting()
	return false
end

function mw.incrementExpensiveFunctionCount()
	bridge.expensive()
end

function mw.addWarning(text)
	if type(text) ~= 'string' and type(text) ~= 'number' then
		error("bad argument #1 to 'addWarning' (string expected)", 2)
	end
	bridge.log('Warning: ' .. tostring(text))
end

function mw.loadData(name)
	checkType('mw.loadData', 1, name, 'string')
	return util.load_data(name)
end

local json_cache = {}
function mw.loadJsonData(name)
	checkType('mw.loadJsonData', 1, name, 'string')
	local cached = json_cache[name]
	if cached then return util.read_only(cached, 'mw.loadJsonData') end
	local info = bridge.title_parse(name, 0)
	local data
	if info then
		local t = libs['mw.title'] and libs['mw.title'].new(name)
		data = t and bridge.json_page(t.prefixedText)
	end
	if data == nil then
		error("bad argument #1 to 'mw.loadJsonData' ('" .. name .. "' is not a valid JSON page)", 2)
	end
	json_cache[name] = data
	return util.read_only(data, 'mw.loadJsonData')
end

return mw

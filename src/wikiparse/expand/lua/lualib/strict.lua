-- strict: after require('strict'), reading an undeclared global, or assigning one from inside a
-- function, is an error (assignments in a main chunk declare the global).  Runs with the real
-- globals; `env` is the module environment to guard.
local util, env = ...
local getinfo = debug.getinfo
local declared = {}
local mt = getmetatable(env)
if mt == nil then
	mt = {}
	setmetatable(env, mt)
end
mt.__newindex = function(t, k, v)
	if not declared[k] then
		local info = getinfo(2, 'S')
		if info and info.what ~= 'main' and info.what ~= 'C' then
			error("assign to undeclared variable '" .. tostring(k) .. "'", 2)
		end
		declared[k] = true
	end
	rawset(t, k, v)
end
mt.__index = function(_, k)
	if not declared[k] then
		local info = getinfo(2, 'S')
		if info and info.what ~= 'C' then
			error("variable '" .. tostring(k) .. "' is not declared", 2)
		end
	end
	return nil
end
return {}

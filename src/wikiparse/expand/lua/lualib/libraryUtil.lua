-- libraryUtil: argument checks shared by the libraries and by modules (require 'libraryUtil').
local util = {}

local function got(value)
	return type(value)
end

function util.checkType(name, argIdx, arg, expectType, nilOk)
	if arg == nil and nilOk then return end
	if type(arg) ~= expectType then
		error(string.format("bad argument #%d to '%s' (%s expected, got %s)",
			argIdx, name, expectType, got(arg)), 3)
	end
end

function util.checkTypeMulti(name, argIdx, arg, expectTypes)
	local tp = type(arg)
	for _, t in ipairs(expectTypes) do
		if t == tp then return end
	end
	local n = #expectTypes
	local list
	if n > 1 then
		local head = {}
		for i = 1, n - 1 do head[i] = expectTypes[i] end
		list = table.concat(head, ', ') .. ' or ' .. expectTypes[n]
	else
		list = expectTypes[1]
	end
	error(string.format("bad argument #%d to '%s' (%s expected, got %s)", argIdx, name, list, tp), 3)
end

function util.checkTypeForIndex(index, value, expectType)
	if type(value) ~= expectType then
		error(string.format("value for index '%s' must be %s, %s given",
			index, expectType, type(value)), 3)
	end
end

function util.checkTypeForNamedArg(name, argName, arg, expectType, nilOk)
	if arg == nil and nilOk then return end
	if type(arg) ~= expectType then
		error(string.format("bad named argument %s to '%s' (%s expected, got %s)",
			argName, name, expectType, type(arg)), 3)
	end
end

function util.makeCheckSelfFunction(libraryName, varName, selfObj, selfObjDesc)
	return function(self, method)
		if self ~= selfObj then
			error(string.format(
				"%s: invalid %s. Did you call %s with a dot instead of a colon, i.e. " ..
				"%s.%s() instead of %s:%s()?",
				libraryName, selfObjDesc, method, varName, method, varName, method), 3)
		end
	end
end

return util

-- mw.hash: digests of strings.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local hash = {}
mw.hash = hash

function hash.listAlgorithms()
	return bridge.hash_algos()
end

function hash.hashValue(algo, value)
	checkType('hashValue', 1, algo, 'string')
	checkType('hashValue', 2, value, 'string')
	local h = bridge.hash(algo, value)
	if h == nil then
		error('Unknown hashing algorithm: ' .. algo, 2)
	end
	return h
end

return hash

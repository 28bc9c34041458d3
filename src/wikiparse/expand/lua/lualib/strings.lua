-- String guards, loaded before every other library (which then use the guarded functions).
local util, bridge, libs = ...
local options = util.options
-- Lua's pattern matcher backtracks in C, where the count hook never runs: a pattern with many
-- quantifiers on a long subject could run for hours.  Such calls go to Python's matcher (same
-- results, bytes and C-locale classes) which stops at the time limit.  string.rep of an empty
-- string loops in C for its count, so it is answered here.
local sfind, smatch, sgmatch, sgsub, srep = string.find, string.match, string.gmatch, string.gsub, string.rep
local quantifier_count = {}
local function quantifiers(p)
	local q = quantifier_count[p]
	if q == nil then
		q = 0
		local i, n = 1, #p
		while i <= n do
			local c = p:byte(i)
			if c == 37 then          -- %x
				i = i + 2
			elseif c == 91 then      -- a set: skip to its end
				i = i + 1
				if p:byte(i) == 94 then i = i + 1 end
				i = i + 1
				while i <= n and p:byte(i) ~= 93 do
					if p:byte(i) == 37 then i = i + 1 end
					i = i + 1
				end
				i = i + 1
			else
				if c == 42 or c == 43 or c == 45 or c == 63 then q = q + 1 end
				i = i + 1
			end
		end
		quantifier_count[p] = q
	end
	return q
end

local type = type
-- Called on every string.find/match/gmatch/gsub: the common case (a known pattern with fewer
-- than two quantifiers) is one table lookup.
local function risky(s, p)
	local q = quantifier_count[p]
	if q == nil then
		if type(p) ~= 'string' then return false end
		q = quantifiers(p)
	end
	if q < 2 or type(s) ~= 'string' then return false end
	if q > 8 then q = 8 end
	return (#s + 1) ^ q > 1e7
end

local guarded = {}
function guarded.find(s, p, init, plain)
	if plain or not risky(s, p) then return sfind(s, p, init, plain) end
	init = init or 1
	if init < 0 then init = #s + init + 1 end
	return bridge.s_find(s, p, init)
end
function guarded.match(s, p, init)
	if not risky(s, p) then return smatch(s, p, init) end
	init = init or 1
	if init < 0 then init = #s + init + 1 end
	return bridge.s_match(s, p, init)
end
function guarded.gmatch(s, p)
	if not risky(s, p) then return sgmatch(s, p) end
	local all = bridge.s_gmatch(s, p)
	local k = 0
	return function()
		k = k + 1
		local caps = all[k]
		if caps == nil then return nil end
		return unpack(caps, 1, table.maxn(caps))
	end
end
function guarded.gsub(s, p, repl, n)
	if not risky(s, p) then return sgsub(s, p, repl, n) end
	return bridge.s_gsub(s, p, repl, n)
end
function guarded.rep(s, n, ...)
	if type(s) == 'string' and s == '' and type(n) == 'number' then return '' end
	if type(s) == 'string' and type(n) == 'number' and #s * n > options.memory then
		error('not enough memory', 0)
	end
	return srep(s, n, ...)
end
for name, f in next, guarded do string[name] = f end

return guarded


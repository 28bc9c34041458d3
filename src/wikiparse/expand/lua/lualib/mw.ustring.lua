-- mw.ustring: Unicode strings.  Plain-ASCII subjects and patterns use Lua's string library
-- (the results agree there); anything else goes to Python, which works on code points.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local ustring = {}
mw.ustring = ustring

ustring.maxStringLength = 2097152
ustring.maxPatternLength = 10000

local sfind, smatch, sgsub, sgmatch = string.find, string.match, string.gsub, string.gmatch
local ssub, slen, supper, slower = string.sub, string.len, string.upper, string.lower

local function ascii(s)
	return not sfind(s, '[\128-\255]')
end

local function str(name, n, s)
	local tp = type(s)
	if tp == 'number' then return tostring(s) end
	if tp ~= 'string' then
		error(string.format("bad argument #%d to '%s' (string expected, got %s)", n, name, tp), 3)
	end
	if #s > ustring.maxStringLength then
		error(string.format("bad argument #%d to '%s' (string is longer than %d bytes)",
			n, name, ustring.maxStringLength), 3)
	end
	return s
end

local function pat(name, n, p)
	p = str(name, n, p)
	if #p > ustring.maxPatternLength then
		error(string.format("bad argument #%d to '%s' (pattern is longer than %d bytes)",
			n, name, ustring.maxPatternLength), 3)
	end
	return p
end

local function int(name, n, v, default)
	if v == nil then return default end
	if type(v) == 'string' then v = tonumber(v) end
	if type(v) ~= 'number' then
		error(string.format("bad argument #%d to '%s' (number expected, got %s)", n, name, type(v)), 3)
	end
	return math.floor(v)
end

-- Lua's %p is C's ispunct; Scribunto's is Unicode punctuation, which differs on ASCII.
local function fast(s, p)
	return ascii(s) and ascii(p) and not sfind(p, '%%[pP]')
end

function ustring.isutf8(s)
	s = str('isutf8', 1, s)
	if ascii(s) then return true end
	return bridge.u_isutf8(s)
end

function ustring.byteoffset(s, l, i)
	s = str('byteoffset', 1, s)
	l = int('byteoffset', 2, l, 1)
	i = int('byteoffset', 3, i, l >= 0 and 1 or -1)
	return bridge.u_byteoffset(s, l, i)
end

function ustring.codepoint(s, i, j)
	s = str('codepoint', 1, s)
	i = int('codepoint', 2, i, 1)
	j = int('codepoint', 3, j, i)
	if ascii(s) then return string.byte(s, i, j) end
	return bridge.u_codepoint(s, i, j)
end

function ustring.gcodepoint(s, i, j)
	s = str('gcodepoint', 1, s)
	i = int('gcodepoint', 2, i, 1)
	j = int('gcodepoint', 3, j, -1)
	local cps = bridge.u_codepoints(s, i, j)
	local k = 0
	return function()
		k = k + 1
		return cps[k]
	end
end

function ustring.char(...)
	local n = select('#', ...)
	local codes = {}
	local all_ascii = true
	for k = 1, n do
		local c = select(k, ...)
		if type(c) ~= 'number' then
			error(string.format("bad argument #%d to 'char' (number expected, got %s)", k, type(c)), 2)
		end
		if c < 0 or c > 0x10FFFF then
			error(string.format("bad argument #%d to 'char' (value out of range)", k), 2)
		end
		if c >= 128 then all_ascii = false end
		codes[k] = math.floor(c)
	end
	if all_ascii then return string.char(unpack(codes, 1, n)) end
	return bridge.u_char(codes)
end

function ustring.len(s)
	s = str('len', 1, s)
	if ascii(s) then return #s end
	return bridge.u_len(s)
end

function ustring.sub(s, i, j)
	s = str('sub', 1, s)
	i = int('sub', 2, i, 1)
	j = int('sub', 3, j, -1)
	if ascii(s) then return ssub(s, i, j) end
	return bridge.u_sub(s, i, j)
end

function ustring.upper(s)
	s = str('upper', 1, s)
	if ascii(s) then return supper(s) end
	return bridge.u_upper(s)
end

function ustring.lower(s)
	s = str('lower', 1, s)
	if ascii(s) then return slower(s) end
	return bridge.u_lower(s)
end

function ustring.find(s, pattern, init, plain)
	s = str('find', 1, s)
	pattern = pat('find', 2, pattern)
	init = int('find', 3, init, 1)
	if plain or fast(s, pattern) then
		if plain and not ascii(s) then
			return bridge.u_find(s, pattern, init, true)
		end
		if init > #s + 1 then init = #s + 1 end
		return sfind(s, pattern, init, plain)
	end
	return bridge.u_find(s, pattern, init, false)
end

function ustring.match(s, pattern, init)
	s = str('match', 1, s)
	pattern = pat('match', 2, pattern)
	init = int('match', 3, init, 1)
	if fast(s, pattern) then
		if init > #s + 1 then init = #s + 1 end
		return smatch(s, pattern, init)
	end
	return bridge.u_match(s, pattern, init)
end

function ustring.gmatch(s, pattern)
	s = str('gmatch', 1, s)
	pattern = pat('gmatch', 2, pattern)
	if fast(s, pattern) then return sgmatch(s, pattern) end
	local all = bridge.u_gmatch(s, pattern)
	local k = 0
	return function()
		k = k + 1
		local caps = all[k]
		if caps == nil then return nil end
		return unpack(caps, 1, table.maxn(caps))
	end
end

function ustring.gsub(s, pattern, repl, n)
	s = str('gsub', 1, s)
	pattern = pat('gsub', 2, pattern)
	local tr = type(repl)
	if tr == 'number' then repl = tostring(repl) tr = 'string' end
	if tr ~= 'string' and tr ~= 'table' and tr ~= 'function' then
		error("bad argument #3 to 'gsub' (string/function/table expected, got " .. tr .. ")", 2)
	end
	if n ~= nil then n = int('gsub', 4, n) end
	-- Lua drops the % of an unknown escape in a replacement string; Scribunto keeps it
	if fast(s, pattern) and (tr ~= 'string' or not sfind(repl, '%%[^%d%%]') and not sfind(repl, '%%$')) then
		return sgsub(s, pattern, repl, n)
	end
	return bridge.u_gsub(s, pattern, repl, n)
end

ustring.byte = string.byte
ustring.format = string.format
ustring.rep = string.rep

local function normaliser(form)
	return function(s)
		s = str('to' .. form, 1, s)
		if ascii(s) then return s end
		return bridge.u_normalise(form, s)
	end
end
ustring.toNFC = normaliser('NFC')
ustring.toNFD = normaliser('NFD')
ustring.toNFKC = normaliser('NFKC')
ustring.toNFKD = normaliser('NFKD')

return ustring

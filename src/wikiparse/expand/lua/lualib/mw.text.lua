-- mw.text: trimming, splitting, HTML entities, tags, JSON.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local pairs, ipairs = util.base.pairs, util.base.ipairs
local mw = libs.mw

local text = {}
mw.text = text

text.JSON_PRESERVE_KEYS = 1
text.JSON_TRY_FIXING = 2
text.JSON_PRETTY = 4

function text.trim(s, charset)
	if type(s) == 'number' then s = tostring(s) end
	checkType('trim', 1, s, 'string')
	if charset == nil then
		return (s:gsub('^[\t\r\n\f ]+', ''):gsub('[\t\r\n\f ]+$', ''))
	end
	checkType('trim', 2, charset, 'string')
	s = mw.ustring.gsub(s, '^[' .. charset .. ']+', '')
	return (mw.ustring.gsub(s, '[' .. charset .. ']+$', ''))
end

function text.encode(s, charset)
	if type(s) == 'number' then s = tostring(s) end
	checkType('encode', 1, s, 'string')
	if charset == nil then
		return bridge.html_encode(s)
	end
	checkType('encode', 2, charset, 'string')
	return (mw.ustring.gsub(s, '[' .. charset .. ']', function(c)
		return '&#' .. mw.ustring.codepoint(c) .. ';'
	end))
end

function text.decode(s, decodeNamedEntities)
	if type(s) == 'number' then s = tostring(s) end
	checkType('decode', 1, s, 'string')
	return bridge.html_decode(s, decodeNamedEntities and true or false)
end

function text.nowiki(s)
	if type(s) == 'number' then s = tostring(s) end
	checkType('nowiki', 1, s, 'string')
	return bridge.nowiki(s)
end

function text.tag(name, attrs, content)
	if type(name) == 'table' then
		name, attrs, content = name.name, name.attrs, name.content
	end
	checkType('tag', 1, name, 'string')
	if attrs ~= nil then checkType('tag', 2, attrs, 'table') end
	local out = { '<' .. name }
	if attrs then
		for k, v in pairs(attrs) do
			if type(k) ~= 'string' then
				error("bad named argument attrs to 'tag' (keys must be strings, found " .. type(k) .. ')', 2)
			end
			if v == true then
				out[#out + 1] = ' ' .. k
			elseif v ~= false then
				if type(v) ~= 'string' and type(v) ~= 'number' then
					error("bad named argument attrs to 'tag' (value for key '" .. k ..
						"' may not be " .. type(v) .. ')', 2)
				end
				out[#out + 1] = ' ' .. k .. '="' .. text.encode(tostring(v)) .. '"'
			end
		end
	end
	if content == false then
		out[#out + 1] = ' />'
	elseif content == nil then
		out[#out + 1] = '>'
	else
		if type(content) ~= 'string' and type(content) ~= 'number' then
			error("bad named argument content to 'tag' (string, number, nil or false expected, got " ..
				type(content) .. ')', 2)
		end
		out[#out + 1] = '>' .. tostring(content) .. '</' .. name .. '>'
	end
	return table.concat(out)
end

function text.split(s, pattern, plain)
	local out = {}
	for piece in text.gsplit(s, pattern, plain) do out[#out + 1] = piece end
	return out
end

function text.gsplit(s, pattern, plain)
	if type(s) == 'number' then s = tostring(s) end
	checkType('gsplit', 1, s, 'string')
	checkType('gsplit', 2, pattern, 'string')
	local find = mw.ustring.find
	local sub = mw.ustring.sub
	local pos = 1
	local done = false
	local len = mw.ustring.len(s) or #s
	return function()
		if done then return nil end
		local start = pos
		while true do
			local a, b = find(s, pattern, pos, plain)
			if a == nil then
				done = true
				return sub(s, start)
			end
			if b >= a then
				pos = b + 1
				return sub(s, start, a - 1)
			end
			-- an empty separator: split after the next character
			if a > len then
				done = true
				return sub(s, start)
			end
			if a > start then
				pos = a
				return sub(s, start, a - 1)
			end
			pos = a + 1
			if pos > len then
				done = true
				return sub(s, start)
			end
			local piece = sub(s, start, a)
			return piece
		end
	end
end

function text.listToText(list, separator, conjunction)
	checkType('listToText', 1, list, 'table')
	separator = separator or ', '
	conjunction = conjunction or ' and '
	local n = #list
	if n == 0 then return '' end
	if n == 1 then return tostring(list[1]) end
	local head = {}
	for i = 1, n - 1 do head[i] = tostring(list[i]) end
	return table.concat(head, separator) .. conjunction .. tostring(list[n])
end

function text.truncate(s, length, ellipsis, adjustLength)
	checkType('truncate', 1, s, 'string')
	checkType('truncate', 2, length, 'number')
	ellipsis = ellipsis or '...'
	local ulen = mw.ustring.len
	local n = ulen(s)
	local elen = ulen(ellipsis)
	if math.abs(length) >= n then return s end
	if adjustLength then
		local want = math.abs(length) - elen
		if want <= 0 then return ellipsis end
		length = length < 0 and -want or want
	elseif math.abs(length) + elen >= n then
		return s
	end
	if length > 0 then
		return mw.ustring.sub(s, 1, length) .. ellipsis
	else
		return ellipsis .. mw.ustring.sub(s, length)
	end
end

-- Strip markers: the preprocessor's and Scribunto's ("\127'\"`UNIQ-…-QINU`\"'\127").
local MARKER = "\127'\"`UNIQ%-%-?(%l+)%-[%x%-]-%-QINU`\"'\127"
local MARKER_ANY = "\127'\"`UNIQ.-QINU`\"'\127"

function text.killMarkers(s)
	return (s:gsub(MARKER_ANY, ''))
end

function text.unstripNoWiki(s, getOrigTextWhenPreprocessing)
	return s
end

function text.unstrip(s)
	return text.killMarkers(s)
end

-- JSON encoding walks tables with pairs (so __pairs is honoured) in Lua; decoding is Python's.
local function json_string(s)
	return '"' .. s:gsub('[%c"\\]', function(c)
		if c == '"' then return '\\"' end
		if c == '\\' then return '\\\\' end
		if c == '\n' then return '\\n' end
		if c == '\t' then return '\\t' end
		if c == '\r' then return '\\r' end
		if c == '\b' then return '\\b' end
		if c == '\f' then return '\\f' end
		return string.format('\\u%04x', c:byte())
	end) .. '"'
end

local function json_number(n)
	if n ~= n or n == math.huge or n == -math.huge then
		error('mw.text.jsonEncode: Cannot encode non-finite numbers', 0)
	end
	if n == math.floor(n) and math.abs(n) < 1e15 then
		return string.format('%d', n)
	end
	return string.format('%.17g', n)
end

local function json_encode(value, flags, indent, seen)
	local tp = type(value)
	if value == nil then return 'null' end
	if tp == 'boolean' then return value and 'true' or 'false' end
	if tp == 'number' then return json_number(value) end
	if tp == 'string' then return json_string(value) end
	if tp ~= 'table' then
		error("mw.text.jsonEncode: Cannot encode type '" .. tp .. "'", 0)
	end
	if seen[value] then error('mw.text.jsonEncode: Cannot use recursive tables', 0) end
	seen[value] = true
	local keys, vals = {}, {}
	local is_array = flags % 2 == 0
	local max, count, has_zero = 0, 0, false
	for k, v in pairs(value) do
		local tk = type(k)
		if tk == 'number' then
			if k ~= k or k == math.huge or k == -math.huge then
				error("mw.text.jsonEncode: Cannot use '" .. tostring(k) .. "' as a table key", 0)
			end
			if k ~= math.floor(k) then
				error("mw.text.jsonEncode: Cannot use type 'number' (non-integer) as a table key", 0)
			end
			if k == 0 then has_zero = true
			elseif k < 0 then is_array = false end
			if k > max then max = k end
		elseif tk == 'string' then
			is_array = false
		else
			error("mw.text.jsonEncode: Cannot use type '" .. tk .. "' as a table key", 0)
		end
		count = count + 1
		keys[count] = k
		vals[count] = v
	end
	local pretty = math.floor(flags / 4) % 2 == 1
	local nl = pretty and '\n' or ''
	local inner = pretty and (indent .. '    ') or ''
	local sep = pretty and ': ' or ':'
	local out = {}
	if is_array and count > 0 and ((has_zero and max == count - 1) or (not has_zero and max == count)) then
		local byk = {}
		for i = 1, count do byk[keys[i]] = vals[i] end
		local first = has_zero and 0 or 1
		for i = first, max do
			out[#out + 1] = inner .. json_encode(byk[i], flags, inner, seen)
		end
		seen[value] = nil
		return '[' .. nl .. table.concat(out, ',' .. nl) .. nl .. indent .. ']'
	end
	if count == 0 then
		seen[value] = nil
		return '[]'
	end
	local order = {}
	for i = 1, count do order[i] = i end
	table.sort(order, function(a, b)
		local ka, kb = keys[a], keys[b]
		if type(ka) == type(kb) then return ka < kb end
		return type(ka) == 'number'
	end)
	for _, i in ipairs(order) do
		out[#out + 1] = inner .. json_string(tostring(keys[i])) .. sep .. json_encode(vals[i], flags, inner, seen)
	end
	seen[value] = nil
	return '{' .. nl .. table.concat(out, ',' .. nl) .. nl .. indent .. '}'
end

function text.jsonEncode(value, flags)
	if flags ~= nil then checkType('mw.text.jsonEncode', 2, flags, 'number') end
	return json_encode(value, flags or 0, '', {})
end

function text.jsonDecode(s, flags)
	checkType('mw.text.jsonDecode', 1, s, 'string')
	if flags ~= nil then checkType('mw.text.jsonDecode', 2, flags, 'number') end
	flags = flags or 0
	local preserve = flags % 2 == 1
	if math.floor(flags / 2) % 2 == 1 then
		-- JSON_TRY_FIXING: trailing commas
		s = s:gsub(',(%s*[%]}])', '%1')
	end
	return bridge.json_decode(s, preserve)
end

return text

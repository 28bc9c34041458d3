-- mw.uri: URL encoding and URI objects.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local pairs = util.base.pairs
local mw = libs.mw
local info = libs.site_info

local uri = {}
mw.uri = uri

local function hex(c) return string.format('%%%02X', c:byte()) end

function uri.encode(s, enctype)
	if type(s) == 'number' then s = tostring(s) end
	checkType('encode', 1, s, 'string')
	enctype = enctype or 'QUERY'
	if enctype == 'QUERY' then
		return (s:gsub('[^A-Za-z0-9_.%- ]', hex):gsub(' ', '+'))
	elseif enctype == 'PATH' then
		return (s:gsub('[^A-Za-z0-9_.~%-]', hex))
	elseif enctype == 'WIKI' then
		return (s:gsub(' ', '_'):gsub('[^A-Za-z0-9_.~%-;@$!*(),/:]', hex))
	end
	error("bad argument #2 to 'encode' (expected QUERY, PATH, or WIKI)", 2)
end

function uri.decode(s, enctype)
	if type(s) == 'number' then s = tostring(s) end
	checkType('decode', 1, s, 'string')
	enctype = enctype or 'QUERY'
	if enctype == 'QUERY' then
		s = s:gsub('%+', ' ')
	elseif enctype == 'WIKI' then
		s = s:gsub('_', ' ')
	elseif enctype ~= 'PATH' then
		error("bad argument #2 to 'decode' (expected QUERY, PATH, or WIKI)", 2)
	end
	return (s:gsub('%%(%x%x)', function(h) return string.char(tonumber(h, 16)) end))
end

function uri.anchorEncode(s)
	if type(s) == 'number' then s = tostring(s) end
	checkType('anchorEncode', 1, s, 'string')
	s = mw.text.decode(s, true)
	s = mw.ustring.gsub(s, '[%s_]+', ' ')
	s = mw.text.trim(s):gsub(' ', '_')
	if info.fragment_mode == 'legacy' then
		s = s:gsub('[^A-Za-z0-9_.~%-;@$!*(),/:]', hex):gsub('%%3A', ':'):gsub('%%', '.')
	end
	return s
end

function uri.buildQueryString(query)
	checkType('buildQueryString', 1, query, 'table')
	local keys = {}
	for k in pairs(query) do keys[#keys + 1] = k end
	table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
	local out = {}
	for _, k in ipairs(keys) do
		local v = query[k]
		local ek = uri.encode(tostring(k), 'QUERY')
		if v == false then
			out[#out + 1] = ek
		elseif type(v) == 'table' then
			for _, x in ipairs(v) do
				if x == false then out[#out + 1] = ek
				else out[#out + 1] = ek .. '=' .. uri.encode(tostring(x), 'QUERY') end
			end
		else
			out[#out + 1] = ek .. '=' .. uri.encode(tostring(v), 'QUERY')
		end
	end
	return table.concat(out, '&')
end

function uri.parseQueryString(s, i, j)
	checkType('parseQueryString', 1, s, 'string')
	s = s:sub(i or 1, j or -1)
	local query = {}
	for part in (s .. '&'):gmatch('([^&]*)&') do
		if part ~= '' then
			local k, v = part:match('^([^=]*)=(.*)$')
			if k then
				k, v = uri.decode(k, 'QUERY'), uri.decode(v, 'QUERY')
			else
				k, v = uri.decode(part, 'QUERY'), false
			end
			local old = query[k]
			if old == nil then
				query[k] = v
			elseif type(old) == 'table' then
				old[#old + 1] = v
			else
				query[k] = { old, v }
			end
		end
	end
	return query
end

local Uri = {}

local function authority(u)
	local s = ''
	if u.user ~= nil then
		s = u.user
		if u.password ~= nil then s = s .. ':' .. u.password end
		s = s .. '@'
	elseif u.password ~= nil then
		s = ':' .. u.password .. '@'
	end
	s = s .. (u.host or '')
	if u.port ~= nil then s = s .. ':' .. tostring(u.port) end
	return s
end

local function refresh(u)
	if u.user ~= nil or u.password ~= nil then
		rawset(u, 'userInfo', (u.user or '') .. (u.password ~= nil and (':' .. u.password) or ''))
	else
		rawset(u, 'userInfo', nil)
	end
	if u.host ~= nil or u.port ~= nil or u.user ~= nil or u.password ~= nil then
		rawset(u, 'hostPort', (u.host or '') .. (u.port ~= nil and (':' .. tostring(u.port)) or ''))
		rawset(u, 'authority', authority(u))
	else
		rawset(u, 'hostPort', nil)
		rawset(u, 'authority', nil)
	end
	local rel = u.path or ''
	if u.query ~= nil then
		local qs = rawget(u, 'queryString')
		if qs == nil then qs = uri.buildQueryString(u.query) rawset(u, 'queryString', qs) end
		rel = rel .. '?' .. qs
	end
	if u.fragment ~= nil then rel = rel .. '#' .. u.fragment end
	rawset(u, 'relativePath', rel)
end

Uri.__index = Uri
Uri.__tostring = function(u)
	local s = ''
	if u.protocol ~= nil then s = u.protocol .. ':' end
	if u.authority ~= nil then s = s .. '//' .. u.authority end
	return s .. (u.relativePath or '')
end

function Uri:parse(s)
	local rest = s
	local protocol = rest:match('^([a-zA-Z][a-zA-Z0-9+.%-]*):')
	if protocol then rest = rest:sub(#protocol + 2) end
	self.protocol = protocol
	if rest:sub(1, 2) == '//' then
		local auth = rest:match('^//([^/?#]*)')
		rest = rest:sub(#auth + 3)
		local userinfo, hostport = auth:match('^(.*)@(.*)$')
		if userinfo then
			local user, password = userinfo:match('^([^:]*):(.*)$')
			if user then self.user, self.password = user, password else self.user = userinfo end
		else
			hostport = auth
		end
		local host, port = hostport:match('^(%[.*%]):(%d*)$')
		if not host then
			if hostport:match('^%[.*%]$') then host = hostport
			else host, port = hostport:match('^(.-):(%d*)$') end
		end
		if not host then host = hostport end
		self.host = host
		if port and port ~= '' then self.port = tonumber(port) end
	end
	local path, query, fragment = rest, nil, nil
	local hashpos = rest:find('#', 1, true)
	if hashpos then
		fragment = rest:sub(hashpos + 1)
		rest = rest:sub(1, hashpos - 1)
	end
	local qpos = rest:find('?', 1, true)
	if qpos then
		query = rest:sub(qpos + 1)
		rest = rest:sub(1, qpos - 1)
	end
	self.path = rest
	self.fragment = fragment
	if query ~= nil then
		self.query = uri.parseQueryString(query)
		rawset(self, 'queryString', query)
	end
	refresh(self)
	return self
end

function Uri:clone()
	local c = setmetatable({}, Uri)
	for k, v in next, self do c[k] = type(v) == 'table' and mw.clone(v) or v end
	return c
end

function Uri:extend(params)
	self.query = self.query or {}
	for k, v in pairs(params) do self.query[k] = v end
	rawset(self, 'queryString', nil)
	refresh(self)
	return self
end

function uri.new(s)
	if s == nil then s = tostring(uri.fullUrl(info.page_title)) end
	if type(s) == 'table' and getmetatable(s) == Uri then return s:clone() end
	checkType('mw.uri.new', 1, s, 'string')
	return setmetatable({}, Uri):parse(s)
end

function uri.validate(s)
	local ok = pcall(uri.new, s)
	return ok
end

local function query_string(query)
	if query == nil then return nil end
	if type(query) == 'table' then return uri.buildQueryString(query) end
	return tostring(query)
end

function uri.localUrl(page, query)
	checkType('localUrl', 1, page, 'string')
	local t = mw.title.new(page)
	local name = t and t.fullText or page
	local q = query_string(query)
	local s
	if q == nil or q == '' then
		s = (info.article_path:gsub('%$1', function() return uri.encode(name, 'WIKI') end))
	else
		s = info.script_path .. '/index.php?title=' .. uri.encode(name, 'WIKI') .. '&' .. q
	end
	return uri.new(s)
end

function uri.fullUrl(page, query)
	return uri.new(info.server .. tostring(uri.localUrl(page, query)))
end

function uri.canonicalUrl(page, query)
	return uri.new(info.canonical_server .. tostring(uri.localUrl(page, query)))
end

return uri

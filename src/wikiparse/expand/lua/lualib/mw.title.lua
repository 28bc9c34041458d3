-- mw.title: title objects over the site's namespaces and the page store.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local title = {}
mw.title = title

local site = bridge.site_info()
libs.site_info = site
local ns_names = {}       -- number -> local name
local ns_by_name = {}     -- lower-cased name or alias -> number
for number, info in next, site.namespaces do
	ns_names[number] = info.name
	ns_by_name[mw.ustring and info.name:lower() or info.name:lower()] = number
	for _, alias in next, info.aliases do ns_by_name[alias:lower()] = number end
end
libs.ns_names, libs.ns_by_name = ns_names, ns_by_name

-- $wgNamespacesWithSubpages defaults (and enwiki's Portal/Draft)
local subpages = { [1] = true, [2] = true, [3] = true, [4] = true, [5] = true, [7] = true,
	[8] = true, [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [15] = true,
	[100] = true, [101] = true, [118] = true, [119] = true, [828] = true, [829] = true }
libs.ns_subpages = subpages
local content_ns = { [0] = true }
local NS_MEDIA, NS_SPECIAL, NS_FILE = -2, -1, 6

local function ns_number(ns)
	if ns == nil then return 0 end
	if type(ns) == 'number' then
		if ns_names[ns] == nil then return nil end
		return ns
	end
	if type(ns) == 'string' then
		local n = tonumber(ns)
		if n then return ns_number(n) end
		local key = ns:gsub('_', ' '):lower()
		return ns_by_name[key]
	end
	return nil
end

local title_mt = {}
local make

local function url_text(t)
	return mw.uri.encode(t.prefixedText, 'WIKI')
end

local methods = {}

function methods:isSubpageOf(other)
	checkType('isSubpageOf', 1, other, 'table')
	return self.interwiki == other.interwiki and self.namespace == other.namespace and
		subpages[self.namespace] == true and
		self.text:sub(1, #other.text + 1) == other.text .. '/'
end

function methods:inNamespace(ns)
	return self.namespace == ns_number(ns)
end

function methods:inNamespaces(...)
	for i = 1, select('#', ...) do
		if self.namespace == ns_number((select(i, ...))) then return true end
	end
	return false
end

function methods:hasSubjectNamespace(ns)
	local n = ns_number(ns)
	if n == nil then return false end
	local subject = self.namespace >= 0 and self.namespace - self.namespace % 2 or self.namespace
	return subject == (n >= 0 and n - n % 2 or n)
end

function methods:subPageTitle(text)
	checkType('subPageTitle', 1, text, 'string')
	return title.makeTitle(self.namespace, self.text .. '/' .. text)
end

function methods:partialUrl()
	return mw.uri.encode(self.text, 'WIKI')
end

function methods:fullUrl(query, proto)
	return tostring(mw.uri.fullUrl(self.fullText, query))
end

function methods:localUrl(query)
	return tostring(mw.uri.localUrl(self.fullText, query))
end

function methods:canonicalUrl(query)
	return tostring(mw.uri.canonicalUrl(self.fullText, query))
end

function methods:getContent()
	if self.interwiki ~= '' then return nil end
	return bridge.page_content(self.prefixedText)
end

local fields = {}

function fields.nsText(t) return ns_names[t.namespace] or '' end
function fields.prefixedText(t)
	local ns = ns_names[t.namespace] or ''
	local s = ns ~= '' and (ns .. ':' .. t.text) or t.text
	if t.interwiki ~= '' then s = t.interwiki .. ':' .. s end
	return s
end
function fields.fullText(t)
	local s = t.prefixedText
	if t.fragment ~= '' then s = s .. '#' .. t.fragment end
	return s
end
function fields.rootText(t)
	if subpages[t.namespace] then return (t.text:match('^([^/]*)')) end
	return t.text
end
function fields.baseText(t)
	if subpages[t.namespace] then
		local base = t.text:match('^(.+)/[^/]*$')
		if base then return base end
	end
	return t.text
end
function fields.subpageText(t)
	if subpages[t.namespace] then
		local sub = t.text:match('/([^/]*)$')
		if sub then return sub end
	end
	return t.text
end
function fields.fragment(t) return t._fragment end
function fields.canTalk(t)
	if t.interwiki ~= '' then return nil end
	return t.namespace >= 0
end
function fields.isTalkPage(t)
	if t.interwiki ~= '' then return nil end
	return t.namespace > 0 and t.namespace % 2 == 1
end
function fields.isContentPage(t) return content_ns[t.namespace] == true end
function fields.isExternal(t) return t.interwiki ~= '' end
function fields.isLocal(t) return t.interwiki == '' end
function fields.isRedirect(t) return false end
function fields.isSpecialPage(t) return t.namespace == NS_SPECIAL end
function fields.isSubpage(t) return subpages[t.namespace] == true and t.text:find('/', 1, true) ~= nil end
-- Looking a page up is an expensive function, once per title (a batch lookup counts once).
local function lookup(t)
	return bridge.title_lookup(t.prefixedText)
end

function fields.exists(t)
	if t.interwiki ~= '' then return false end
	if t.namespace == NS_SPECIAL then return false end
	if t.namespace == NS_MEDIA then
		return lookup(title.makeTitle(NS_FILE, t.text))
	end
	return lookup(t)
end
function fields.id(t)
	if t.interwiki ~= '' or t.namespace < 0 then return 0 end
	return lookup(t) and 1 or 0
end
function fields.content(t)
	return t:getContent()
end
function fields.pageLang(t)
	return mw.language.getContentLanguage()
end
function fields.contentModel(t)
	if t.namespace == 828 and not t.text:find('/doc$') then return 'Scribunto' end
	if t.text:find('%.json$') and (t.namespace == 2 or t.namespace == 8 or t.namespace == 828) then return 'json' end
	if t.text:find('%.css$') and (t.namespace == 2 or t.namespace == 8) then return 'css' end
	return 'wikitext'
end
function fields.subjectNsText(t)
	if t.interwiki ~= '' then return nil end
	local n = t.namespace
	if n > 0 and n % 2 == 1 then n = n - 1 end
	return ns_names[n] or ''
end
function fields.talkNsText(t)
	if t.namespace < 0 or t.interwiki ~= '' then return nil end
	local n = t.namespace
	if n % 2 == 0 then n = n + 1 end
	return ns_names[n]
end
function fields.protectionLevels(t) return { edit = {}, move = {} } end
function fields.cascadingProtection(t) return { restrictions = {}, sources = {} } end
function fields.redirectTarget(t) return false end
function fields.basePageTitle(t) return title.makeTitle(t.namespace, t.baseText) end
function fields.rootPageTitle(t) return title.makeTitle(t.namespace, t.rootText) end
function fields.talkPageTitle(t)
	if t.namespace < 0 then return nil end
	local n = t.namespace
	if n % 2 == 0 then n = n + 1 end
	return title.makeTitle(n, t.text)
end
function fields.subjectPageTitle(t)
	local n = t.namespace
	if n > 0 and n % 2 == 1 then n = n - 1 end
	return title.makeTitle(n, t.text)
end
function fields.file(t)
	if t.namespace ~= NS_FILE and t.namespace ~= NS_MEDIA then return nil end
	return { exists = false }
end
fields.fileExists = function(t) return false end

title_mt.__index = function(t, k)
	local m = methods[k]
	if m then return m end
	local f = fields[k]
	if f then
		local v = f(t)
		if k ~= 'exists' and k ~= 'id' and k ~= 'fragment' and k ~= 'fullText' then rawset(t, k, v) end
		return v
	end
	return nil
end
local function normalise_fragment(f)
	return (tostring(f):gsub('[ _]+', ' '):gsub(' $', ''))
end

title_mt.__newindex = function(t, k, v)
	if k == 'fragment' then rawset(t, '_fragment', normalise_fragment(v)) return end
	error("index '" .. tostring(k) .. "' is read only", 2)
end
title_mt.__tostring = function(t) return t.prefixedText end
title_mt.__eq = function(a, b)
	return a.interwiki == b.interwiki and a.namespace == b.namespace and a.text == b.text
end
title_mt.__lt = function(a, b)
	if a.interwiki ~= b.interwiki then return a.interwiki < b.interwiki end
	if a.namespace ~= b.namespace then return a.namespace < b.namespace end
	return a.text < b.text
end
title_mt.__le = function(a, b) return a == b or a < b end

make = function(info)
	local t = { namespace = info.namespace, text = info.text, _fragment = info.fragment or '',
		interwiki = info.interwiki or "" }
	return setmetatable(t, title_mt)
end

local function is_title(t)
	return type(t) == 'table' and getmetatable(t) == title_mt
end

function title.new(text, ns)
	if type(text) == 'number' then return nil end
	if is_title(text) then return text end
	checkType('title.new', 1, text, 'string')
	local defns = ns_number(ns)
	if defns == nil then
		error("bad argument #2 to 'title.new' (unrecognized namespace name '" .. tostring(ns) .. "')", 2)
	end
	local info = bridge.title_parse(text, defns)
	if info == nil then return nil end
	return make(info)
end

function title.makeTitle(ns, text, fragment, interwiki)
	local n = ns_number(ns)
	if n == nil then return nil end
	if type(text) == 'number' then text = tostring(text) end
	if type(text) ~= 'string' then
		error("bad argument #2 to 'title.makeTitle' (string expected, got " .. type(text) .. ")", 2)
	end
	local full = text
	if n ~= 0 then full = ns_names[n] .. ':' .. text
	elseif text:find(':', 1, true) then full = ':' .. text end
	if fragment and fragment ~= '' then full = full .. '#' .. fragment end
	if interwiki and interwiki ~= '' then full = interwiki .. ':' .. full end
	local info = bridge.title_parse(full, 0)
	if info == nil or info.namespace ~= n and (interwiki or '') == '' then return nil end
	return make(info)
end

function title.getCurrentTitle()
	return title.new(site.page_title) or title.new('Main Page')
end

function title.newBatch(list, ns)
	checkType('newBatch', 1, list, 'table')
	local titles = {}
	for i, text in ipairs(list) do
		titles[i] = title.new(text, ns) or false
	end
	local batch = {}
	function batch:lookupExistence()
		local keys = {}
		for _, t in ipairs(titles) do
			if t and t.interwiki == '' and t.namespace >= 0 then keys[#keys + 1] = t.prefixedText end
		end
		if #keys > 0 then bridge.title_lookup_batch(keys) end
		return self
	end
	function batch:getTitles()
		return titles
	end
	return batch
end

function title.equals(a, b)
	return a.interwiki == b.interwiki and a.namespace == b.namespace and a.text == b.text
end

function title.compare(a, b)
	if a.interwiki ~= b.interwiki then return a.interwiki < b.interwiki and -1 or 1 end
	if a.namespace ~= b.namespace then return a.namespace < b.namespace and -1 or 1 end
	if a.text ~= b.text then return a.text < b.text and -1 or 1 end
	return 0
end

title.is_title = is_title
return title

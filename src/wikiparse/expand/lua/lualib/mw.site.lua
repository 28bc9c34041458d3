-- mw.site: the wiki's namespaces and (offline: zero) statistics.
local util, bridge, libs = ...
local mw = libs.mw
local info = libs.site_info

local site = {}
mw.site = site

site.siteName = info.site_name
site.server = info.server
site.scriptPath = info.script_path
site.stylePath = info.script_path .. '/skins'
site.currentVersion = '1.45.0'
site.wikiId = info.wiki_id

local canonical = { [-2] = 'Media', [-1] = 'Special', [0] = '', [1] = 'Talk', [2] = 'User',
	[3] = 'User talk', [4] = 'Project', [5] = 'Project talk', [6] = 'File', [7] = 'File talk',
	[8] = 'MediaWiki', [9] = 'MediaWiki talk', [10] = 'Template', [11] = 'Template talk',
	[12] = 'Help', [13] = 'Help talk', [14] = 'Category', [15] = 'Category talk',
	[828] = 'Module', [829] = 'Module talk' }

local namespaces, by_name = {}, {}
local function key(name) return (name:gsub('[ _]+', ' '):gsub('^ ', ''):gsub(' $', ''):lower()) end

for number, ns in next, info.namespaces do
	local entry = {
		id = number, name = ns.name, canonicalName = canonical[number] or ns.name,
		displayName = number == 0 and '(Main)' or ns.name,
		hasSubpages = libs.ns_subpages[number] == true,
		hasGenderDistinction = number == 2 or number == 3,
		isCapitalized = true, isContent = number == 0, isIncludable = true,
		isMovable = number >= 0 and number ~= 8, isSubject = number < 0 or number % 2 == 0,
		isTalk = number > 0 and number % 2 == 1, defaultContentModel = number == 828 and 'Scribunto' or nil,
		aliases = {},
	}
	for i, alias in ipairs(ns.aliases) do entry.aliases[i] = alias end
	namespaces[number] = entry
	by_name[key(ns.name)] = entry
	by_name[key(entry.canonicalName)] = entry
	for _, alias in ipairs(ns.aliases) do by_name[key(alias)] = entry end
end
for number, entry in next, namespaces do
	if number >= 0 then
		local subject = number - number % 2
		entry.subject = namespaces[subject]
		entry.talk = namespaces[subject + 1]
		entry.associated = entry.isTalk and entry.subject or entry.talk
	else
		entry.subject = entry
	end
end
setmetatable(namespaces, {
	__index = function(_, k)
		if type(k) == 'string' then
			local n = tonumber(k)
			if n then return rawget(namespaces, n) end
			return by_name[key(k)]
		end
	end,
})
site.namespaces = namespaces

local function filter(pred)
	local t = {}
	for number, entry in next, namespaces do
		if pred(entry) then t[number] = entry end
	end
	return t
end
site.contentNamespaces = filter(function(e) return e.isContent end)
site.subjectNamespaces = filter(function(e) return e.isSubject end)
site.talkNamespaces = filter(function(e) return e.isTalk end)

site.stats = {
	pages = 0, articles = 0, files = 0, edits = 0, users = 0, activeUsers = 0, admins = 0,
}
function site.stats.pagesInCategory(category, which)
	if which == '*' then return { all = 0, subcats = 0, files = 0, pages = 0 } end
	return 0
end
function site.stats.pagesInNamespace(ns) return 0 end
function site.stats.usersInGroup(group) return 0 end

function site.interwikiMap(filter)
	return {}
end

return site

-- mw.language: language objects.  Case mapping is Unicode's; number, date and plural rules are
-- English (the content language here); other languages get the same rules.
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local language = {}
mw.language = language

local RTL = { ar = true, he = true, fa = true, ur = true, yi = true, dv = true, ps = true,
	sd = true, ug = true, ckb = true, arz = true, azb = true, mzn = true, pnb = true }

-- MediaWiki's Language::isValidCode: no path or markup characters, nothing a title forbids
local function valid_code(code)
	return type(code) == 'string' and code ~= '' and not code:find('[%c/\\:<>&"\'%[%]{}|#]')
end

function language.isValidCode(code)
	checkType('isValidCode', 1, code, 'string')
	return valid_code(code) and not code:find('[~%%]')
end

function language.isValidBuiltInCode(code)
	checkType('isValidBuiltInCode', 1, code, 'string')
	return code:match('^[a-z0-9][a-z0-9%-]*$') ~= nil
end

function language.isKnownLanguageTag(code)
	checkType('isKnownLanguageTag', 1, code, 'string')
	return language.isValidBuiltInCode(code) and bridge.language_known(code)
end

function language.isSupportedLanguage(code)
	checkType('isSupportedLanguage', 1, code, 'string')
	return language.isKnownLanguageTag(code)
end

function language.fetchLanguageName(code, inLanguage)
	checkType('fetchLanguageName', 1, code, 'string')
	return bridge.language_name(code)
end

function language.fetchLanguageNames(inLanguage, include)
	return {}
end

function language.getFallbacksFor(code)
	checkType('getFallbacksFor', 1, code, 'string')
	if code == 'en' then return {} end
	local base = code:match('^([a-z]+)%-')
	if base and base ~= 'en' then return { base, 'en' } end
	return { 'en' }
end

local Lang = {}
Lang.__index = Lang

function language.new(code)
	checkType('mw.language.new', 1, code, 'string')
	return setmetatable({ code = code }, Lang)
end
language.getLanguage = language.new
mw.getLanguage = language.new

local content = nil
function language.getContentLanguage()
	if content == nil then content = language.new(libs.site_info.lang) end
	return content
end
mw.getContentLanguage = language.getContentLanguage

local function check_code(lang)
	if not valid_code(lang.code) then
		error("language code '" .. lang.code .. "' is invalid", 3)
	end
end

function Lang:getCode() return self.code end
function Lang:toBcp47Code() check_code(self) return self.code end
function Lang:getFallbackLanguages() check_code(self) return language.getFallbacksFor(self.code) end
function Lang:isRTL() check_code(self) return RTL[self.code] == true end
function Lang:getDir() check_code(self) return RTL[self.code] and 'rtl' or 'ltr' end
function Lang:getDirMark(opposite) check_code(self)
	local rtl = RTL[self.code] == true
	if opposite then rtl = not rtl end
	return rtl and '\226\128\143' or '\226\128\142'
end
function Lang:getDirMarkEntity(opposite) check_code(self)
	local rtl = RTL[self.code] == true
	if opposite then rtl = not rtl end
	return rtl and '&rlm;' or '&lrm;'
end
function Lang:getArrow(direction)
	direction = direction or 'forwards'
	local rtl = false
	if direction ~= 'left' and direction ~= 'right' and direction ~= 'up' and direction ~= 'down' then
		check_code(self)   -- only the writing direction needs the language
		rtl = RTL[self.code] == true
	end
	if direction == 'forwards' or direction == 'forward' then return rtl and '←' or '→' end
	if direction == 'backwards' or direction == 'backward' then return rtl and '→' or '←' end
	if direction == 'left' then return '←' end
	if direction == 'right' then return '→' end
	if direction == 'up' then return '↑' end
	if direction == 'down' then return '↓' end
	return rtl and '←' or '→'
end

function Lang:lc(s) check_code(self) checkType('lc', 1, s, 'string') return mw.ustring.lower(s) end
function Lang:uc(s) check_code(self) checkType('uc', 1, s, 'string') return mw.ustring.upper(s) end
function Lang:caseFold(s) check_code(self) checkType('caseFold', 1, s, 'string') return mw.ustring.upper(s) end
function Lang:lcfirst(s) check_code(self)
	checkType('lcfirst', 1, s, 'string')
	return mw.ustring.lower(mw.ustring.sub(s, 1, 1)) .. mw.ustring.sub(s, 2)
end
function Lang:ucfirst(s) check_code(self)
	checkType('ucfirst', 1, s, 'string')
	return mw.ustring.upper(mw.ustring.sub(s, 1, 1)) .. mw.ustring.sub(s, 2)
end

function Lang:formatNum(n, options) check_code(self)
	if type(n) ~= 'number' and type(n) ~= 'string' then
		error("bad argument #1 to 'formatNum' (number expected, got " .. type(n) .. ")", 2)
	end
	if type(n) == 'number' then
		if n ~= n then error("bad argument #1 to 'formatNum' (NaN)", 2) end
		if n == math.huge or n == -math.huge then error("bad argument #1 to 'formatNum' (infinite)", 2) end
	end
	local no_commafy = type(options) == 'table' and options.noCommafy
	return bridge.format_num(n, no_commafy and true or false)
end

function Lang:parseFormattedNumber(s) check_code(self)
	if type(s) == 'number' then return s end
	checkType('parseFormattedNumber', 1, s, 'string')
	return bridge.parse_num(s)
end

function Lang:formatDate(format, timestamp, localTime) check_code(self)
	checkType('formatDate', 1, format, 'string')
	if timestamp ~= nil then checkType('formatDate', 2, timestamp, 'string') end
	if timestamp == '' then timestamp = nil end
	return bridge.format_date(format, timestamp)
end

local intervals = {
	{ 'millennia', 31556952000 }, { 'centuries', 3155695200 }, { 'decades', 315569520 },
	{ 'years', 31556952 }, { 'weeks', 604800 }, { 'days', 86400 }, { 'hours', 3600 },
	{ 'minutes', 60 }, { 'seconds', 1 },
}
local singular = { millennia = 'millennium', centuries = 'century', decades = 'decade',
	years = 'year', weeks = 'week', days = 'day', hours = 'hour', minutes = 'minute', seconds = 'second' }
local default_chosen = { years = true, days = true, hours = true, minutes = true, seconds = true }

function Lang:getDurationIntervals(seconds, chosen) check_code(self)
	checkType('getDurationIntervals', 1, seconds, 'number')
	local want = default_chosen
	if chosen then
		want = {}
		for _, k in ipairs(chosen) do want[k] = true end
	end
	local out = {}
	local last
	for _, iv in ipairs(intervals) do
		if want[iv[1]] then
			local v = math.floor(seconds / iv[2])
			if v > 0 or (last == nil and false) then
				out[iv[1]] = v
				seconds = seconds - v * iv[2]
			end
			last = iv[1]
		end
	end
	if next(out) == nil and last then out[last] = 0 end
	return out
end

function Lang:formatDuration(seconds, chosen) check_code(self)
	local parts = {}
	local d = self:getDurationIntervals(seconds, chosen)
	for _, iv in ipairs(intervals) do
		local v = d[iv[1]]
		if v then
			parts[#parts + 1] = mw.language.getContentLanguage():formatNum(v) .. ' ' ..
				(v == 1 and singular[iv[1]] or iv[1])
		end
	end
	return mw.text.listToText(parts)
end

local function plural_forms(...)
	local forms = select('#', ...) == 1 and type((...)) == 'table' and (...) or { ... }
	return forms
end

function Lang:convertPlural(n, ...)
	check_code(self)
	checkType('convertPlural', 1, n, 'number')
	local forms = plural_forms(...)
	if #forms == 0 then return '' end
	if n == 1 then return forms[1] end
	return forms[2] or forms[1]
end
Lang.plural = Lang.convertPlural

function Lang:convertGrammar(word, case)
	check_code(self)
	return word
end
Lang.grammar = Lang.convertGrammar

function Lang:gender(what, ...) check_code(self)
	local forms = plural_forms(...)
	if #forms == 0 then return '' end
	if what == 'female' then return forms[2] or forms[1] end
	if what == 'male' then return forms[1] end
	return forms[3] or forms[1]
end

return language

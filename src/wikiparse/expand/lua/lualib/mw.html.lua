-- mw.html: a builder for HTML fragments.
local util, bridge, libs = ...
local libraryUtil = libs.libraryUtil
local checkType, checkTypeMulti = libraryUtil.checkType, libraryUtil.checkTypeMulti
local pairs = util.base.pairs
local mw = libs.mw

local html = {}
mw.html = html

local self_closing = {}
for _, t in ipairs({ 'area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input',
	'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr' }) do
	self_closing[t] = true
end

local MARKER = "\127'\"`UNIQ.-QINU`\"'\127"

local function escape(s)
	-- strip markers pass through untouched
	local out, pos = {}, 1
	while true do
		local a, b = s:find(MARKER, pos)
		local piece = s:sub(pos, (a or 0) - 1)
		if not a then piece = s:sub(pos) end
		out[#out + 1] = piece:gsub('[<>&"]', { ['<'] = '&lt;', ['>'] = '&gt;', ['&'] = '&amp;', ['"'] = '&quot;' })
		if not a then break end
		out[#out + 1] = s:sub(a, b)
		pos = b + 1
	end
	return table.concat(out)
end

local function valid_attr(name)
	return name:match('^[a-zA-Z_:][a-zA-Z0-9_.:-]*$') ~= nil
end

local Builder = {}
Builder.__index = Builder

local function is_builder(x)
	return type(x) == 'table' and getmetatable(x) == Builder
end

local function new(tag, args)
	args = args or {}
	local b = setmetatable({
		tagName = tag, nodes = {}, attributes = {}, attr_index = {}, classes = nil, styles = nil,
		selfClosing = args.selfClosing or (tag ~= nil and self_closing[tag]) or false,
		parent = args.parent,
	}, Builder)
	return b
end

function Builder:_set(name, value)
	local idx = self.attr_index[name]
	if value == nil then
		if idx then
			table.remove(self.attributes, idx)
			self.attr_index = {}
			for i, a in ipairs(self.attributes) do self.attr_index[a.name] = i end
		end
		return
	end
	if idx then
		self.attributes[idx].val = value
	else
		self.attributes[#self.attributes + 1] = { name = name, val = value }
		self.attr_index[name] = #self.attributes
	end
end

function Builder:_tostring(out)
	if self.tagName then
		out[#out + 1] = '<' .. self.tagName
		for _, a in ipairs(self.attributes) do
			local v = a.val
			if a.name == 'class' then
				v = table.concat(self.classes, ' ')
			elseif a.name == 'style' then
				v = table.concat(self.styles, ';')
			end
			if not ((a.name == 'class' or a.name == 'style') and v == '') then
				out[#out + 1] = ' ' .. a.name .. '="' .. escape(v) .. '"'
			end
		end
		if self.selfClosing then
			out[#out + 1] = ' />'
			return
		end
		out[#out + 1] = '>'
	end
	for _, node in ipairs(self.nodes) do
		if is_builder(node) then node:_tostring(out) else out[#out + 1] = node end
	end
	if self.tagName then out[#out + 1] = '</' .. self.tagName .. '>' end
end

Builder.__tostring = function(self)
	local out = {}
	self:_tostring(out)
	return table.concat(out)
end

function Builder:allDone()
	local b = self
	while b.parent do b = b.parent end
	return b
end

function Builder:done()
	return self.parent or self
end

function Builder:node(builder)
	if self.selfClosing then error("self-closing tags can't have child nodes", 2) end
	if builder ~= nil then
		self.nodes[#self.nodes + 1] = builder
	end
	return self
end

function Builder:wikitext(...)
	local n = select('#', ...)
	for i = 1, n do
		local v = select(i, ...)
		if v == nil then break end
		checkTypeMulti('wikitext', i, v, { 'string', 'number' })
		if self.selfClosing then error("self-closing tags can't have child nodes", 2) end
		self.nodes[#self.nodes + 1] = tostring(v)
	end
	return self
end

function Builder:newline()
	if self.selfClosing then error("self-closing tags can't have child nodes", 2) end
	self.nodes[#self.nodes + 1] = '\n'
	return self
end

function Builder:tag(tagName, args)
	args = args or {}
	args.parent = self
	local b = html.create(tagName, args)
	self:node(b)
	return b
end

function Builder:attr(name, val)
	if type(name) == 'table' then
		if val ~= nil then
			error("bad argument #2 to 'attr' (if argument #1 is a table, argument #2 must be left empty)", 2)
		end
		for k, v in pairs(name) do
			if type(k) ~= 'string' or (type(v) ~= 'string' and type(v) ~= 'number') then
				error("bad argument #1 to 'attr' " ..
					'(table keys must be strings, and values must be strings or numbers)', 2)
			end
		end
		for k, v in pairs(name) do self:attr(k, v) end
		return self
	end
	if type(name) ~= 'string' then
		error("bad argument #1 to 'attr' (string expected, got " .. type(name) .. ")", 2)
	end
	if val ~= nil and type(val) ~= 'string' and type(val) ~= 'number' then
		error("bad argument #2 to 'attr' (string, number or nil expected, got " .. type(val) .. ")", 2)
	end
	if not valid_attr(name) then
		error("bad argument #1 to 'attr' (invalid attribute name '" .. name .. "')", 2)
	end
	if name == 'class' then
		self.classes = {}
		if val ~= nil then self.classes[1] = tostring(val) end
		self:_set('class', val ~= nil and '' or nil)
		return self
	elseif name == 'style' then
		self.styles = {}
		if val ~= nil then self.styles[1] = tostring(val) end
		self:_set('style', val ~= nil and '' or nil)
		return self
	end
	self:_set(name, val ~= nil and tostring(val) or nil)
	return self
end

function Builder:getAttr(name)
	checkType('getAttr', 1, name, 'string')
	if name == 'class' then return self.classes and table.concat(self.classes, ' ') or nil end
	if name == 'style' then return self.styles and table.concat(self.styles, ';') or nil end
	local idx = self.attr_index[name]
	return idx and self.attributes[idx].val or nil
end

function Builder:addClass(class)
	if class == nil then return self end
	if type(class) ~= 'string' and type(class) ~= 'number' then
		error("bad argument #1 to 'addClass' (string, number or nil expected, got " .. type(class) .. ")", 2)
	end
	if not self.classes then self.classes = {} end
	self.classes[#self.classes + 1] = tostring(class)
	if not self.attr_index.class then self:_set('class', '') end
	return self
end

function Builder:cssText(css)
	if css == nil then return self end
	if type(css) ~= 'string' and type(css) ~= 'number' then
		error("bad argument #1 to 'cssText' (string, number or nil expected, got " .. type(css) .. ")", 2)
	end
	if not self.styles then self.styles = {} end
	self.styles[#self.styles + 1] = tostring(css)
	if not self.attr_index.style then self:_set('style', '') end
	return self
end

function Builder:css(name, val)
	if type(name) == 'table' then
		if val ~= nil then
			error("bad argument #2 to 'css' (if argument #1 is a table, argument #2 must be left empty)", 2)
		end
		for k, v in pairs(name) do
			if (type(k) ~= 'string' and type(k) ~= 'number') or (type(v) ~= 'string' and type(v) ~= 'number') then
				error("bad argument #1 to 'css' " ..
					'(table keys and values must be strings or numbers)', 2)
			end
		end
		for k, v in pairs(name) do self:css(k, v) end
		return self
	end
	checkTypeMulti('css', 1, name, { 'string', 'number' })
	if val ~= nil and type(val) ~= 'string' and type(val) ~= 'number' then
		error("bad argument #2 to 'css' (string, number or nil expected, got " .. type(val) .. ")", 2)
	end
	name = tostring(name)
	if not self.styles then self.styles = {} end
	if not self.style_index then self.style_index = {} end
	local idx = self.style_index[name]
	if val == nil then
		if idx then
			table.remove(self.styles, idx)
			self.style_index[name] = nil
			for k, i in pairs(self.style_index) do
				if i > idx then self.style_index[k] = i - 1 end
			end
		end
		return self
	end
	local entry = name .. ':' .. tostring(val)
	if idx then
		self.styles[idx] = entry
	else
		self.styles[#self.styles + 1] = entry
		self.style_index[name] = #self.styles
	end
	if not self.attr_index.style then self:_set('style', '') end
	return self
end

function html.create(tagName, args)
	if tagName ~= nil and type(tagName) ~= 'string' then
		error("bad argument #1 to 'mw.html.create' (string expected, got " .. type(tagName) .. ")", 2)
	end
	if tagName == '' then tagName = nil end
	if tagName ~= nil and not tagName:match('^[a-zA-Z0-9:_-]+$') then
		error("invalid tag name '" .. tagName .. "'", 2)
	end
	if args ~= nil then checkType('mw.html.create', 2, args, 'table') end
	return new(tagName, args)
end

return html

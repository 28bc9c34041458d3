-- mw.svg: an SVG image built from markup (toString; toImage needs the parser's strip markers).
local util, bridge, libs = ...
local checkType = libs.libraryUtil.checkType
local mw = libs.mw

local svg = {}
mw.svg = svg

local Svg = {}
Svg.__index = Svg

function svg.new()
	return setmetatable({ attrs = {}, img_attrs = {}, content = '' }, Svg)
end

function Svg:setContent(content)
	checkType('setContent', 1, content, 'string')
	self.content = content
	return self
end

function Svg:setAttribute(name, value)
	checkType('setAttribute', 1, name, 'string')
	checkType('setAttribute', 2, value, 'string')
	self.attrs[name] = value
	return self
end

function Svg:setImgAttribute(name, value)
	checkType('setImgAttribute', 1, name, 'string')
	checkType('setImgAttribute', 2, value, 'string')
	self.img_attrs[name] = value
	return self
end

function Svg:toString()
	local attrs = { xmlns = 'http://www.w3.org/2000/svg' }
	for k, v in next, self.attrs do attrs[k] = v end
	local names = {}
	for k in next, attrs do names[#names + 1] = k end
	table.sort(names)
	local out = { '<svg' }
	for _, k in ipairs(names) do
		out[#out + 1] = ' ' .. k .. '="' .. mw.text.encode(attrs[k]) .. '"'
	end
	out[#out + 1] = '>' .. self.content .. '</svg>'
	return table.concat(out)
end

return svg

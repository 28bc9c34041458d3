// Long-lived worker for wtf_wikipedia (+ wtf-plugin-html), for benchmarks/persistent.py.
//   node benchmarks/wtf_serve.mjs <npm_dir> <op>
// Prints {"info": …} once, then for every file path read on stdin one JSON line
// {"cpu": seconds, "error": …}: CPU time (user+sys) of one call on that page.
// op: parse | html (html needs wtf-plugin-html).
import { createRequire } from 'module'
import fs from 'fs'
import path from 'path'
import readline from 'readline'

const [npmDir, op] = process.argv.slice(2)
const require = createRequire(path.resolve(npmDir, 'package.json'))
const wtf = require('wtf_wikipedia')
let htmlOk = false
try { wtf.extend(require('wtf-plugin-html')); htmlOk = true } catch (e) { /* plugin missing */ }
const version = JSON.parse(fs.readFileSync(path.resolve(npmDir, 'node_modules/wtf_wikipedia/package.json'), 'utf8')).version
const ops = { parse: t => wtf(t), html: t => wtf(t).html() }
const fn = ops[op]
if (!fn || (op === 'html' && !htmlOk)) {
  console.log(JSON.stringify({ unavailable: `wtf_wikipedia op ${op} not available` }))
  process.exit(0)
}
for (let i = 0; i < 20; i++) fn("''warm'' [[up]] {{x|y}}\n== s ==\n")
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6 }
console.log(JSON.stringify({ info: { version, node: process.version, html_plugin: htmlOk } }))
const rl = readline.createInterface({ input: process.stdin, terminal: false })
rl.on('line', file => {
  const text = fs.readFileSync(file, 'utf8')
  let error = null
  const c0 = cpu()
  try { fn(text) } catch (e) { error = String(e).slice(0, 300) }
  const dt = cpu() - c0
  process.stdout.write(JSON.stringify({ cpu: dt, error }) + '\n')
})

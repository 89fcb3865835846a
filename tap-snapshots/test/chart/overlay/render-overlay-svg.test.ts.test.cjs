/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/chart/overlay/render-overlay-svg.test.ts > TAP > snapshots on recorded fixtures > javac vs python-startup, dark, absolute time 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage: head against base</title>
<rect width="800" height="600" fill="#161a21">
</rect>
<g class="grid">
<path d="M81,551h695M81,515h695M81,478h695M81,442h695M81,406h695M81,369h695M81,333h695M81,297h695M81,260h695M81,224h695M81,187h695M81,151h695M81,115h695M81,78h695M81,42h695" stroke="#2b313b" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="78" y="38" width="701" height="515">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<defs>
<pattern id="memplot-overlay-base-dash" patternUnits="userSpaceOnUse" x="81" y="0" width="10" height="10">
<rect width="6" height="10" fill="#9aa3ae">
</rect>
</pattern>
</defs>
<path class="line-base" d="[1213 commands, 74..776]" fill="url(#memplot-overlay-base-dash)">
</path>
<path class="halo-head" d="[87 commands, 81..552]" fill="#161a21">
</path>
<path class="line-head" d="[91 commands, 81..551]" fill="#5b9cf5">
</path>
</g>
<g class="axis-left">
<path d="M81,550h-4M81,514h-4M81,477h-4M81,441h-4M81,405h-4M81,368h-4M81,332h-4M81,296h-4M81,259h-4M81,223h-4M81,186h-4M81,150h-4M81,114h-4M81,77h-4M81,41h-4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12" text-anchor="end">
<text x="74" y="554">0</text>
<text x="74" y="518">1 MiB</text>
<text x="74" y="482">2 MiB</text>
<text x="74" y="445">3 MiB</text>
<text x="74" y="409">4 MiB</text>
<text x="74" y="372">5 MiB</text>
<text x="74" y="336">6 MiB</text>
<text x="74" y="300">7 MiB</text>
<text x="74" y="263">8 MiB</text>
<text x="74" y="227">9 MiB</text>
<text x="74" y="191">10 MiB</text>
<text x="74" y="154">11 MiB</text>
<text x="74" y="118">12 MiB</text>
<text x="74" y="82">13 MiB</text>
<text x="74" y="45">14 MiB</text>
</g>
<text transform="translate(23,296) rotate(-90)" text-anchor="middle" font-size="12" fill="#9aa3ae">heap</text>
</g>
<g class="axis-bottom">
<path d="M81,550H776M81,550v4M197,550v4M313,550v4M430,550v4M546,550v4M662,550v4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="197" y="567" text-anchor="middle">1G</text>
<text x="313" y="567" text-anchor="middle">1G</text>
<text x="430" y="567" text-anchor="middle">2G</text>
<text x="546" y="567" text-anchor="middle">2G</text>
<text x="662" y="567" text-anchor="middle">3G</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#9aa3ae">CPU ticks since start</text>
</g>
<g class="annotations">
<path d="M119,380L127,380" stroke="#e3e6ea" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<circle cx="760" cy="75" class="marker-peak-base" r="4" fill="#9aa3ae" stroke="#161a21" stroke-width="2">
</circle>
<circle cx="113" cy="380" class="marker-peak-heap" r="4" fill="#5b9cf5" stroke="#161a21" stroke-width="2">
</circle>
<g font-size="12" fill="#e3e6ea" stroke="#161a21" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="129" y="383" text-anchor="start" class="label-peak-heap">head peak 5 MiB: −8 MiB (−64 %)</text>
<text x="751" y="69" text-anchor="end" class="label-peak-base">base peak 13 MiB</text>
</g>
</g>
<g class="legend" font-size="12" fill="#9aa3ae">
<path d="M14,22h19" stroke="#9aa3ae" stroke-width="3" fill="none" stroke-dasharray="6 4">
</path>
<text x="38" y="26">base</text>
<path d="M83,22h19" stroke="#5b9cf5" stroke-width="3" fill="none">
</path>
<text x="107" y="26">head</text>
</g>
</svg>
`

exports[`test/chart/overlay/render-overlay-svg.test.ts > TAP > snapshots on recorded fixtures > javac vs python-startup, diff, compact 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage: head against base</title>
<rect width="400" height="300" fill="#ffffff">
</rect>
<g class="grid">
<path d="M75,262h309M75,229h309M75,196h309M75,163h309M75,131h309M75,98h309M75,65h309" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="72" y="28" width="315" height="236">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="diff-decrease" d="[621 commands, 31..384]" fill="#1a7f37">
</path>
</g>
<g class="axis-left">
<path d="M75,261h-4M75,228h-4M75,195h-4M75,162h-4M75,130h-4M75,97h-4M75,64h-4M75,31h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="10" text-anchor="end">
<text x="68" y="265">−14 MiB</text>
<text x="68" y="232">−12 MiB</text>
<text x="68" y="199">−10 MiB</text>
<text x="68" y="166">−8 MiB</text>
<text x="68" y="133">−6 MiB</text>
<text x="68" y="100">−4 MiB</text>
<text x="68" y="67">−2 MiB</text>
<text x="68" y="35">0</text>
</g>
<text transform="translate(15,146) rotate(-90)" text-anchor="middle" font-size="10" fill="#5b6470">heap: head − base</text>
</g>
<g class="axis-bottom">
<path d="M75,261H384M75,261v4M137,261v4M199,261v4M261,261v4M322,261v4M384,261v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="10">
<text x="75" y="276" text-anchor="middle">0</text>
<text x="137" y="276" text-anchor="middle">20</text>
<text x="199" y="276" text-anchor="middle">40</text>
<text x="261" y="276" text-anchor="middle">60</text>
<text x="322" y="276" text-anchor="middle">80</text>
<text x="384" y="276" text-anchor="middle">100</text>
</g>
<text x="230" y="292" text-anchor="middle" font-size="10" fill="#5b6470">progress (% of each run's memory function calls)</text>
</g>
<g class="annotations">
<circle cx="382" cy="239" class="marker-largest-decrease" r="3" fill="#1a7f37" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="10" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="374" y="242" text-anchor="end" class="label-largest-decrease">−13 MiB</text>
</g>
</g>
<g class="legend" font-size="10" fill="#5b6470">
<rect x="8" y="13" width="8" height="5" fill="#cf222e">
</rect>
<rect x="16" y="13" width="8" height="5" fill="#cf222e">
</rect>
<text x="28" y="19">head above base</text>
<rect x="128" y="13" width="8" height="5" fill="#1a7f37">
</rect>
<rect x="136" y="13" width="8" height="5" fill="#1a7f37">
</rect>
<text x="148" y="19">head below base</text>
</g>
</svg>
`

exports[`test/chart/overlay/render-overlay-svg.test.ts > TAP > snapshots on recorded fixtures > sort vs ls, progress 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage: ls.mem against sort.mem</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="[17 commands, 42..695]" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="78" y="38" width="701" height="515">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<defs>
<pattern id="memplot-overlay-base-dash" patternUnits="userSpaceOnUse" x="81" y="0" width="10" height="10">
<rect width="6" height="10" fill="#7d8590">
</rect>
</pattern>
</defs>
<path class="line-base" d="M81,549H518L521,549H740L743,295L745,41H762L764,41L766,41H771L774,295L776,549V551H774L771,297L769,43H747L745,297L743,551H523L521,551H81Z" fill="url(#memplot-overlay-base-dash)">
</path>
<path class="halo-head" d="[58 commands, 81..776]" fill="#ffffff">
</path>
<path class="line-head" d="[58 commands, 81..776]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M81,550h-4M81,518h-4M81,486h-4M81,455h-4M81,423h-4M81,391h-4M81,359h-4M81,327h-4M81,296h-4M81,264h-4M81,232h-4M81,200h-4M81,168h-4M81,136h-4M81,105h-4M81,73h-4M81,41h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="74" y="554">0</text>
<text x="74" y="522">5 MiB</text>
<text x="74" y="491">10 MiB</text>
<text x="74" y="459">15 MiB</text>
<text x="74" y="427">20 MiB</text>
<text x="74" y="395">25 MiB</text>
<text x="74" y="363">30 MiB</text>
<text x="74" y="332">35 MiB</text>
<text x="74" y="300">40 MiB</text>
<text x="74" y="268">45 MiB</text>
<text x="74" y="236">50 MiB</text>
<text x="74" y="204">55 MiB</text>
<text x="74" y="173">60 MiB</text>
<text x="74" y="141">65 MiB</text>
<text x="74" y="109">70 MiB</text>
<text x="74" y="77">75 MiB</text>
<text x="74" y="45">80 MiB</text>
</g>
<text transform="translate(23,296) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">heap</text>
</g>
<g class="axis-bottom">
<path d="M81,550H776M81,550v4M151,550v4M220,550v4M290,550v4M359,550v4M429,550v4M498,550v4M568,550v4M637,550v4M707,550v4M776,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="151" y="567" text-anchor="middle">10</text>
<text x="220" y="567" text-anchor="middle">20</text>
<text x="290" y="567" text-anchor="middle">30</text>
<text x="359" y="567" text-anchor="middle">40</text>
<text x="429" y="567" text-anchor="middle">50</text>
<text x="498" y="567" text-anchor="middle">60</text>
<text x="568" y="567" text-anchor="middle">70</text>
<text x="637" y="567" text-anchor="middle">80</text>
<text x="707" y="567" text-anchor="middle">90</text>
<text x="776" y="567" text-anchor="middle">100</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#5b6470">progress (% of each run's memory function calls)</text>
</g>
<g class="annotations">
<path d="M770,547L738,547" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<path d="M759,42L739,44" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-base">
</path>
<circle cx="764" cy="42" class="marker-peak-base" r="4" fill="#7d8590" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="775" cy="548" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="736" y="542" text-anchor="end" class="label-peak-heap">ls.mem peak 397 KiB: −80 MiB (−100 %)</text>
<text x="737" y="55" text-anchor="end" class="label-peak-base">sort.mem peak 80 MiB</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#7d8590" stroke-width="3" fill="none" stroke-dasharray="6 4">
</path>
<text x="38" y="26">sort.mem (base)</text>
<path d="M154,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="178" y="26">ls.mem (head)</text>
</g>
</svg>
`

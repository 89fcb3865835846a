/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > edge/end-before-start, time axis, classic 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M79,418h698M79,383h698M79,348h698M79,313h698M79,278h698M79,244h698M79,209h698M79,174h698M79,139h698M79,104h698M79,69h698" stroke="#ff0000" stroke-width="1" fill="none" stroke-dasharray="4 3">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="78" y="68" width="699" height="350">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-heap" d="[79 commands, 76..776]" fill="#ff0000">
</path>
</g>
<rect x="79" y="69" width="696" height="348" fill="none" stroke="#0000ff" stroke-width="1">
</rect>
<g class="axis-left">
<path d="M79,417h-4M79,382h-4M79,347h-4M79,312h-4M79,277h-4M79,243h-4M79,208h-4M79,173h-4M79,138h-4M79,103h-4M79,68h-4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12" text-anchor="end">
<text x="72" y="421">0</text>
<text x="72" y="386">2 KiB</text>
<text x="72" y="351">4 KiB</text>
<text x="72" y="317">6 KiB</text>
<text x="72" y="282">8 KiB</text>
<text x="72" y="247">10 KiB</text>
<text x="72" y="212">12 KiB</text>
<text x="72" y="177">14 KiB</text>
<text x="72" y="142">16 KiB</text>
<text x="72" y="107">18 KiB</text>
<text x="72" y="72">20 KiB</text>
</g>
<text transform="translate(23,243) rotate(-90)" text-anchor="middle" font-size="12" fill="#ff0000">heap</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M79,551h698M79,522h698M79,493h698M79,464h698M79,435h698" stroke="#ff0000" stroke-width="1" fill="none" stroke-dasharray="4 3">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="79" y="434" width="697" height="116">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="M115,457H776V458H115Z" fill="#00a000">
</path>
</g>
<rect x="79" y="435" width="696" height="115" fill="none" stroke="#0000ff" stroke-width="1">
</rect>
<g class="axis-left">
<path d="M79,550h-4M79,521h-4M79,492h-4M79,463h-4M79,434h-4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12" text-anchor="end">
<text x="72" y="554">0</text>
<text x="72" y="525">5 B</text>
<text x="72" y="496">10 B</text>
<text x="72" y="467">15 B</text>
<text x="72" y="438">20 B</text>
</g>
<text transform="translate(23,492) rotate(-90)" text-anchor="middle" font-size="12" fill="#00a000">stack</text>
</g>
</g>
<g class="axis-bottom">
<path d="M79,550H776M79,550v4M148,550v4M218,550v4M288,550v4M358,550v4M427,550v4M497,550v4M567,550v4M637,550v4M706,550v4M776,550v4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12">
<text x="79" y="567" text-anchor="middle">0</text>
<text x="148" y="567" text-anchor="middle">20</text>
<text x="218" y="567" text-anchor="middle">40</text>
<text x="288" y="567" text-anchor="middle">60</text>
<text x="358" y="567" text-anchor="middle">80</text>
<text x="427" y="567" text-anchor="middle">100</text>
<text x="497" y="567" text-anchor="middle">120</text>
<text x="567" y="567" text-anchor="middle">140</text>
<text x="637" y="567" text-anchor="middle">160</text>
<text x="706" y="567" text-anchor="middle">180</text>
<text x="776" y="567" text-anchor="middle">200</text>
</g>
<text x="427" y="586" text-anchor="middle" font-size="12" fill="#0000ff">CPU ticks since start</text>
</g>
<g class="annotations">
<circle cx="776" cy="76" class="marker-peak-exit" r="6" fill="#ffffff" stroke="#ff0000" stroke-width="2">
</circle>
<circle cx="776" cy="76" r="3" fill="#ff0000">
</circle>
<g font-size="12" fill="#000000" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="767" y="82" text-anchor="end" class="label-peak-exit">peak and at exit: 20 KiB at 200 ticks</text>
</g>
</g>
<g class="legend" font-size="12" fill="#0000ff">
<path d="M14,22h19" stroke="#ff0000" stroke-width="2" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#00a000" stroke-width="2" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="21" rx="3" fill="#ffff99">
</rect>
<g fill="#000000" font-size="12">
<text x="20" y="50">⚠ the header's end time (899999999900) is before its start time (900000000000)</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > edge/sametime on the time axis 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M83,418h693M83,383h693M83,348h693M83,313h693M83,278h693M83,244h693M83,209h693M83,174h693M83,139h693M83,104h693M83,69h693" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="81" y="66" width="697" height="353">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-heap" d="M82,380L83,66H83V70L83,384H82Z" fill="#ffffff">
</path>
<path class="line-heap" d="M82,381L83,67H83V69L83,383H82Z" fill="#2f6fde">
</path>
</g>
<path d="M83,418h693" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M83,417h-4M83,382h-4M83,347h-4M83,312h-4M83,277h-4M83,243h-4M83,208h-4M83,173h-4M83,138h-4M83,103h-4M83,68h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="76" y="421">0</text>
<text x="76" y="386">100 B</text>
<text x="76" y="351">200 B</text>
<text x="76" y="317">300 B</text>
<text x="76" y="282">400 B</text>
<text x="76" y="247">500 B</text>
<text x="76" y="212">600 B</text>
<text x="76" y="177">700 B</text>
<text x="76" y="142">800 B</text>
<text x="76" y="107">900 B</text>
<text x="76" y="72">1000 B</text>
</g>
<text transform="translate(23,243) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M83,551h693M83,522h693M83,493h693M83,464h693M83,435h693" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="83" y="434" width="693" height="116">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="M82,457H83V458H82Z" fill="#e8833a">
</path>
</g>
<path d="M83,551h693" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M83,550h-4M83,521h-4M83,492h-4M83,463h-4M83,434h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="76" y="554">0</text>
<text x="76" y="525">20 B</text>
<text x="76" y="496">40 B</text>
<text x="76" y="467">60 B</text>
<text x="76" y="438">80 B</text>
</g>
<text transform="translate(23,492) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
</g>
<g class="axis-bottom">
<path d="M83,550H776M83,550v4M776,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="83" y="567" text-anchor="middle">0</text>
<text x="776" y="567" text-anchor="middle">1</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#5b6470">CPU ticks since start</text>
</g>
<g class="annotations">
<circle cx="83" cy="68" class="marker-peak-exit" r="6" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="83" cy="68" r="3" fill="#2f6fde">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="92" y="82" text-anchor="start" class="label-peak-exit">peak and at exit: 1000 B at 0 ticks</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="21" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ every entry has the same time: the time axis cannot spread them (the calls axis can)</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > header-only 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M82,551h694M82,506h694M82,461h694M82,416h694M82,371h694M82,326h694M82,281h694M82,236h694M82,191h694M82,146h694M82,101h694" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="axis-left">
<path d="M82,550h-4M82,505h-4M82,460h-4M82,415h-4M82,370h-4M82,325h-4M82,280h-4M82,235h-4M82,190h-4M82,145h-4M82,100h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="75" y="554">0</text>
<text x="75" y="509">0 KiB</text>
<text x="75" y="464">0 KiB</text>
<text x="75" y="419">0 KiB</text>
<text x="75" y="374">0 KiB</text>
<text x="75" y="329">1 KiB</text>
<text x="75" y="284">1 KiB</text>
<text x="75" y="239">1 KiB</text>
<text x="75" y="194">1 KiB</text>
<text x="75" y="149">1 KiB</text>
<text x="75" y="104">1 KiB</text>
</g>
<text transform="translate(23,325) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="axis-bottom">
<path d="M82,550H776M82,550v4M776,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="82" y="567" text-anchor="middle">0</text>
<text x="776" y="567" text-anchor="middle">1</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<text x="429" y="325" text-anchor="middle" font-size="12" fill="#5b6470" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">no entries: the file holds no recorded calls</text>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="53" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ the program never reached its exit handler (crashed or killed): the header holds no peaks or end time, so they were</text>
<text x="20" y="66">   computed from the entries</text>
<text x="20" y="82">⚠ the file holds the header only: no allocation was recorded</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > javac -T -t -s javac, dark 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>javac</title>
<rect width="800" height="600" fill="#161a21">
</rect>
<g class="grid">
<path d="M81,417h695M81,367h695M81,317h695M81,267h695M81,216h695M81,166h695M81,116h695M81,66h695" stroke="#2b313b" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="79" y="63" width="699" height="355">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-total" d="[1306 commands, 81..776]" fill="#161a21">
</path>
<path class="line-total" d="[1309 commands, 81..776]" fill="#c39bf0">
</path>
<path class="halo-heap" d="[1158 commands, 81..776]" fill="#161a21">
</path>
<path class="line-heap" d="[1159 commands, 81..776]" fill="#5b9cf5">
</path>
</g>
<path d="M81,417h695" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M81,416h-4M81,366h-4M81,316h-4M81,266h-4M81,215h-4M81,165h-4M81,115h-4M81,65h-4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12" text-anchor="end">
<text x="74" y="420">0</text>
<text x="74" y="370">2 MiB</text>
<text x="74" y="320">4 MiB</text>
<text x="74" y="270">6 MiB</text>
<text x="74" y="220">8 MiB</text>
<text x="74" y="170">10 MiB</text>
<text x="74" y="119">12 MiB</text>
<text x="74" y="69">14 MiB</text>
</g>
<text transform="translate(23,241) rotate(-90)" text-anchor="middle" font-size="12" fill="#9aa3ae">bytes</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M81,551h695M81,528h695M81,504h695M81,481h695M81,457h695M81,434h695" stroke="#2b313b" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="81" y="433" width="695" height="117">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="[1336 commands, 81..776]" fill="#ffa04d">
</path>
</g>
<path d="M81,551h695" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M81,550h-4M81,527h-4M81,503h-4M81,480h-4M81,456h-4M81,433h-4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12" text-anchor="end">
<text x="74" y="554">0</text>
<text x="74" y="531">10 KiB</text>
<text x="74" y="507">20 KiB</text>
<text x="74" y="484">30 KiB</text>
<text x="74" y="461">40 KiB</text>
<text x="74" y="437">50 KiB</text>
</g>
<text transform="translate(23,492) rotate(-90)" text-anchor="middle" font-size="12" fill="#ffa04d">stack</text>
</g>
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
<path d="M759,94L753,118" stroke="#e3e6ea" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<path d="M775,107L769,138" stroke="#e3e6ea" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="776" cy="102" class="marker-exit-heap" r="4" fill="#161a21" stroke="#5b9cf5" stroke-width="2">
</circle>
<circle cx="760" cy="89" class="marker-peak-total" r="4" fill="#c39bf0" stroke="#161a21" stroke-width="2">
</circle>
<circle cx="760" cy="89" class="marker-peak-heap" r="4" fill="#5b9cf5" stroke="#161a21" stroke-width="2">
</circle>
<g font-size="12" fill="#e3e6ea" stroke="#161a21" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="751" y="129" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at 3G ticks</text>
<text x="751" y="85" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~3G ticks</text>
<text x="767" y="149" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<text x="14" y="30" font-size="16" font-weight="bold" fill="#e3e6ea" class="title">javac</text>
<g class="legend" font-size="12" fill="#9aa3ae">
<path d="M14,46h19" stroke="#5b9cf5" stroke-width="3" fill="none">
</path>
<text x="38" y="50">heap</text>
<path d="M85,46h19" stroke="#ffa04d" stroke-width="3" fill="none">
</path>
<text x="108" y="50">stack (panel below)</text>
<path d="M243,46h19" stroke="#c39bf0" stroke-width="3" fill="none">
</path>
<text x="267" y="50">heap + stack (stack ≤ 40 KiB: on the heap line)</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > javac -T -t, stack on its own right axis 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="[15 commands, 42..641]" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="79" y="39" width="645" height="513">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[1274 commands, 81..722]" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-total" d="[1226 commands, 73..722]" fill="#ffffff">
</path>
<path class="line-total" d="[1228 commands, 74..722]" fill="#7b4fc9">
</path>
<path class="halo-heap" d="[1141 commands, 73..722]" fill="#ffffff">
</path>
<path class="line-heap" d="[1141 commands, 74..722]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M81,550h-4M81,514h-4M81,477h-4M81,441h-4M81,405h-4M81,368h-4M81,332h-4M81,296h-4M81,259h-4M81,223h-4M81,186h-4M81,150h-4M81,114h-4M81,77h-4M81,41h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
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
<text transform="translate(23,296) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">bytes</text>
</g>
<g class="axis-right">
<path d="M722,550h4M722,493h4M722,437h4M722,380h4M722,324h4M722,267h4M722,211h4M722,154h4M722,98h4M722,41h4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="start">
<text x="729" y="554">0</text>
<text x="729" y="498">5 KiB</text>
<text x="729" y="441">10 KiB</text>
<text x="729" y="385">15 KiB</text>
<text x="729" y="328">20 KiB</text>
<text x="729" y="271">25 KiB</text>
<text x="729" y="215">30 KiB</text>
<text x="729" y="158">35 KiB</text>
<text x="729" y="102">40 KiB</text>
<text x="729" y="45">45 KiB</text>
</g>
<text transform="translate(782,296) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
<g class="axis-bottom">
<path d="M81,550H722M81,550v4M188,550v4M295,550v4M402,550v4M509,550v4M616,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="188" y="567" text-anchor="middle">1G</text>
<text x="295" y="567" text-anchor="middle">1G</text>
<text x="402" y="567" text-anchor="middle">2G</text>
<text x="509" y="567" text-anchor="middle">2G</text>
<text x="616" y="567" text-anchor="middle">3G</text>
</g>
<text x="401" y="586" text-anchor="middle" font-size="12" fill="#5b6470">CPU ticks since start</text>
</g>
<g class="annotations">
<path d="M702,75L586,80" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-total">
</path>
<path d="M716,94L570,100" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="722" cy="94" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="707" cy="75" class="marker-peak-total" r="4" fill="#7b4fc9" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="707" cy="75" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="698" y="69" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at 3G ticks</text>
<text x="584" y="91" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~3G ticks</text>
<text x="568" y="111" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none" stroke-opacity="1">
</path>
<text x="108" y="26">stack (right axis)</text>
<path d="M226,22h19" stroke="#7b4fc9" stroke-width="3" fill="none">
</path>
<text x="250" y="26">heap + stack (stack ≤ 40 KiB: on the heap line)</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > javac -T -t, stack, rate and changes panels 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M85,278h691M85,247h691M85,215h691M85,184h691M85,152h691M85,121h691M85,89h691M85,58h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="83" y="55" width="695" height="224">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-total" d="[1241 commands, 70..776]" fill="#ffffff">
</path>
<path class="line-total" d="[1244 commands, 71..776]" fill="#7b4fc9">
</path>
<path class="halo-heap" d="[1067 commands, 70..776]" fill="#ffffff">
</path>
<path class="line-heap" d="[1067 commands, 71..776]" fill="#2f6fde">
</path>
</g>
<path d="M85,278h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,277h-4M85,246h-4M85,214h-4M85,183h-4M85,151h-4M85,120h-4M85,88h-4M85,57h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="281">0</text>
<text x="78" y="250">2 MiB</text>
<text x="78" y="218">4 MiB</text>
<text x="78" y="187">6 MiB</text>
<text x="78" y="156">8 MiB</text>
<text x="78" y="124">10 MiB</text>
<text x="78" y="93">12 MiB</text>
<text x="78" y="61">14 MiB</text>
</g>
<text transform="translate(23,167) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">bytes</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M85,369h691M85,344h691M85,320h691M85,295h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="85" y="294" width="691" height="74">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="[1326 commands, 85..776]" fill="#e8833a">
</path>
</g>
<path d="M85,369h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,368h-4M85,343h-4M85,319h-4M85,294h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="372">0</text>
<text x="78" y="348">20 KiB</text>
<text x="78" y="323">40 KiB</text>
<text x="78" y="298">60 KiB</text>
</g>
<text transform="translate(23,331) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
</g>
<g class="panel-rate">
<g class="grid">
<path d="M85,460h691M85,416h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-rate">
<rect x="85" y="385" width="691" height="74">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-rate)">
<path class="bars-rate" d="[1380 commands, 85..776]" fill="#6e7781">
</path>
</g>
<path d="M85,460h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,459h-4M85,415h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="463">0</text>
<text x="78" y="419">500</text>
</g>
<text transform="translate(23,422) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">calls/Mtick</text>
</g>
</g>
<g class="panel-changes">
<g class="grid">
<path d="M85,551h691M85,502h691M85,477h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
<path d="M85,526h691" stroke="#8c959f" stroke-width="1" fill="none" class="zero-line">
</path>
</g>
<defs>
<clipPath id="memplot-panel-changes">
<rect x="85" y="476" width="691" height="74">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-changes)">
<path class="bars-growth" d="[1374 commands, 85..770]" fill="#2f6fde">
</path>
<path class="bars-shrink" d="[1001 commands, 87..776]" fill="#cf4a2e">
</path>
</g>
<path d="M85,551h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,550h-4M85,525h-4M85,501h-4M85,476h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="554">−2 MiB</text>
<text x="78" y="530">0</text>
<text x="78" y="505">2 MiB</text>
<text x="78" y="480">4 MiB</text>
</g>
<text transform="translate(23,513) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">Δ heap</text>
</g>
</g>
<g class="axis-bottom">
<path d="M85,550H776M85,550v4M201,550v4M316,550v4M432,550v4M547,550v4M663,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="85" y="567" text-anchor="middle">0</text>
<text x="201" y="567" text-anchor="middle">1G</text>
<text x="316" y="567" text-anchor="middle">1G</text>
<text x="432" y="567" text-anchor="middle">2G</text>
<text x="547" y="567" text-anchor="middle">2G</text>
<text x="663" y="567" text-anchor="middle">3G</text>
</g>
<text x="431" y="586" text-anchor="middle" font-size="12" fill="#5b6470">CPU ticks since start</text>
</g>
<g class="annotations">
<path d="M759,77L753,92" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<path d="M760,77L753,124" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-total">
</path>
<path d="M776,85L769,154" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="776" cy="80" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="761" cy="72" class="marker-peak-total" r="4" fill="#7b4fc9" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="761" cy="72" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="751" y="103" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at 3G ticks</text>
<text x="751" y="135" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~3G ticks</text>
<text x="767" y="165" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
<path d="M243,22h19" stroke="#7b4fc9" stroke-width="3" fill="none">
</path>
<text x="267" y="26">heap + stack (stack ≤ 40 KiB: on the heap line)</text>
<rect x="583" y="19" width="10" height="6" fill="#6e7781">
</rect>
<rect x="593" y="19" width="10" height="6" fill="#6e7781">
</rect>
<text x="607" y="26">rate (calls/Mtick)</text>
<rect x="14" y="35" width="10" height="6" fill="#2f6fde">
</rect>
<rect x="24" y="35" width="10" height="6" fill="#cf4a2e">
</rect>
<text x="38" y="42">heap growth / shrink</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > javac classic, stack on the heap scale 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M81,546h695M81,510h695M81,474h695M81,438h695M81,402h695M81,366h695M81,330h695M81,294h695M81,258h695M81,222h695M81,186h695M81,150h695M81,114h695M81,78h695M81,42h695" stroke="#ff0000" stroke-width="1" fill="none" stroke-dasharray="4 3">
</path>
</g>
<g class="time-bands">
<rect x="81" y="545" width="68" height="5" fill="#9acd32">
</rect>
<rect x="149" y="545" width="134" height="5" fill="#ffffff">
</rect>
<rect x="283" y="545" width="145" height="5" fill="#9acd32">
</rect>
<rect x="428" y="545" width="111" height="5" fill="#ffffff">
</rect>
<rect x="539" y="545" width="96" height="5" fill="#9acd32">
</rect>
<rect x="635" y="545" width="26" height="5" fill="#ffffff">
</rect>
<rect x="661" y="545" width="36" height="5" fill="#9acd32">
</rect>
<rect x="697" y="545" width="23" height="5" fill="#ffffff">
</rect>
<rect x="720" y="545" width="29" height="5" fill="#9acd32">
</rect>
<rect x="749" y="545" width="27" height="5" fill="#ffffff">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="81" y="41" width="696" height="505">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[1013 commands, 81..776]" fill="#00a000" fill-opacity="1">
</path>
<path class="line-total" d="[1374 commands, 74..776]" fill="#000000">
</path>
<path class="line-heap" d="[1389 commands, 75..776]" fill="#ff0000">
</path>
</g>
<rect x="82" y="42" width="694" height="503" fill="none" stroke="#0000ff" stroke-width="1">
</rect>
<g class="axis-left">
<path d="M81,545h-4M81,509h-4M81,473h-4M81,437h-4M81,401h-4M81,365h-4M81,329h-4M81,293h-4M81,257h-4M81,221h-4M81,185h-4M81,149h-4M81,113h-4M81,77h-4M81,41h-4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12" text-anchor="end">
<text x="74" y="549">0</text>
<text x="74" y="513">1 MiB</text>
<text x="74" y="477">2 MiB</text>
<text x="74" y="441">3 MiB</text>
<text x="74" y="405">4 MiB</text>
<text x="74" y="369">5 MiB</text>
<text x="74" y="333">6 MiB</text>
<text x="74" y="297">7 MiB</text>
<text x="74" y="261">8 MiB</text>
<text x="74" y="225">9 MiB</text>
<text x="74" y="189">10 MiB</text>
<text x="74" y="153">11 MiB</text>
<text x="74" y="117">12 MiB</text>
<text x="74" y="81">13 MiB</text>
<text x="74" y="45">14 MiB</text>
</g>
<text transform="translate(23,293) rotate(-90)" text-anchor="middle" font-size="12" fill="#0000ff">bytes</text>
</g>
<g class="axis-bottom">
<path d="M81,550H776M81,550v4M154,550v4M227,550v4M299,550v4M372,550v4M445,550v4M518,550v4M590,550v4M663,550v4M736,550v4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="154" y="567" text-anchor="middle">10k</text>
<text x="227" y="567" text-anchor="middle">20k</text>
<text x="299" y="567" text-anchor="middle">30k</text>
<text x="372" y="567" text-anchor="middle">40k</text>
<text x="445" y="567" text-anchor="middle">50k</text>
<text x="518" y="567" text-anchor="middle">60k</text>
<text x="590" y="567" text-anchor="middle">70k</text>
<text x="663" y="567" text-anchor="middle">80k</text>
<text x="736" y="567" text-anchor="middle">90k</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#0000ff">memory function calls</text>
</g>
<g class="annotations">
<path d="M766,75L715,80" stroke="#000000" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-total">
</path>
<path d="M771,94L643,116" stroke="#000000" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="776" cy="94" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#ff0000" stroke-width="2">
</circle>
<circle cx="771" cy="75" class="marker-peak-total" r="4" fill="#000000" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="771" cy="75" class="marker-peak-heap" r="4" fill="#ff0000" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#000000" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="761" y="69" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at call 94,783</text>
<text x="713" y="91" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~call 94,776</text>
<text x="641" y="127" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#0000ff">
<path d="M14,22h19" stroke="#ff0000" stroke-width="2" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#00a000" stroke-width="2" fill="none">
</path>
<text x="108" y="26">stack</text>
<path d="M157,22h19" stroke="#000000" stroke-width="2" fill="none">
</path>
<text x="181" y="26">heap + stack (stack ≤ 40 KiB: on the heap line)</text>
<rect x="497" y="19" width="10" height="6" fill="#9acd32">
</rect>
<rect x="507" y="19" width="10" height="6" fill="#ffffff">
</rect>
<text x="521" y="26">time: one band per 10 % of the run</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > javac default 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M81,407h695M81,355h695M81,303h695M81,251h695M81,198h695M81,146h695M81,94h695M81,42h695" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="81" y="545" width="68" height="5" fill="#c9d3e3">
</rect>
<rect x="149" y="545" width="134" height="5" fill="#eef1f6">
</rect>
<rect x="283" y="545" width="145" height="5" fill="#c9d3e3">
</rect>
<rect x="428" y="545" width="111" height="5" fill="#eef1f6">
</rect>
<rect x="539" y="545" width="96" height="5" fill="#c9d3e3">
</rect>
<rect x="635" y="545" width="26" height="5" fill="#eef1f6">
</rect>
<rect x="661" y="545" width="36" height="5" fill="#c9d3e3">
</rect>
<rect x="697" y="545" width="23" height="5" fill="#eef1f6">
</rect>
<rect x="720" y="545" width="29" height="5" fill="#c9d3e3">
</rect>
<rect x="749" y="545" width="27" height="5" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="79" y="39" width="699" height="369">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-heap" d="[1378 commands, 64..776]" fill="#ffffff">
</path>
<path class="line-heap" d="[1378 commands, 65..776]" fill="#2f6fde">
</path>
</g>
<path d="M81,407h695" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M81,406h-4M81,354h-4M81,302h-4M81,250h-4M81,197h-4M81,145h-4M81,93h-4M81,41h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="74" y="410">0</text>
<text x="74" y="358">2 MiB</text>
<text x="74" y="306">4 MiB</text>
<text x="74" y="254">6 MiB</text>
<text x="74" y="202">8 MiB</text>
<text x="74" y="150">10 MiB</text>
<text x="74" y="97">12 MiB</text>
<text x="74" y="45">14 MiB</text>
</g>
<text transform="translate(23,224) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M81,546h695M81,522h695M81,497h695M81,473h695M81,448h695M81,424h695" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="81" y="423" width="695" height="122">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="[1147 commands, 81..776]" fill="#e8833a">
</path>
</g>
<path d="M81,546h695" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M81,545h-4M81,521h-4M81,496h-4M81,472h-4M81,447h-4M81,423h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="74" y="549">0</text>
<text x="74" y="525">10 KiB</text>
<text x="74" y="500">20 KiB</text>
<text x="74" y="476">30 KiB</text>
<text x="74" y="452">40 KiB</text>
<text x="74" y="427">50 KiB</text>
</g>
<text transform="translate(23,484) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
</g>
<g class="axis-bottom">
<path d="M81,550H776M81,550v4M154,550v4M227,550v4M299,550v4M372,550v4M445,550v4M518,550v4M590,550v4M663,550v4M736,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="154" y="567" text-anchor="middle">10k</text>
<text x="227" y="567" text-anchor="middle">20k</text>
<text x="299" y="567" text-anchor="middle">30k</text>
<text x="372" y="567" text-anchor="middle">40k</text>
<text x="445" y="567" text-anchor="middle">50k</text>
<text x="518" y="567" text-anchor="middle">60k</text>
<text x="590" y="567" text-anchor="middle">70k</text>
<text x="663" y="567" text-anchor="middle">80k</text>
<text x="736" y="567" text-anchor="middle">90k</text>
</g>
<text x="429" y="586" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<g class="annotations">
<path d="M776,84L769,148" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="776" cy="79" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="771" cy="66" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="761" y="61" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at call 94,783</text>
<text x="767" y="159" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
<rect x="243" y="19" width="10" height="6" fill="#c9d3e3">
</rect>
<rect x="252" y="19" width="10" height="6" fill="#eef1f6">
</rect>
<text x="267" y="26">time: one band per 10 % of the run</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > killed-truncated: warnings 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="640" height="400" fill="#ffffff">
</rect>
<g class="grid">
<path d="M89,272h527M89,229h527M89,187h527M89,144h527M89,101h527" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="89" y="345" width="58" height="5" fill="#c9d3e3">
</rect>
<rect x="147" y="345" width="51" height="5" fill="#eef1f6">
</rect>
<rect x="198" y="345" width="53" height="5" fill="#c9d3e3">
</rect>
<rect x="250" y="345" width="52" height="5" fill="#eef1f6">
</rect>
<rect x="302" y="345" width="54" height="5" fill="#c9d3e3">
</rect>
<rect x="356" y="345" width="54" height="5" fill="#eef1f6">
</rect>
<rect x="409" y="345" width="52" height="5" fill="#c9d3e3">
</rect>
<rect x="461" y="345" width="52" height="5" fill="#eef1f6">
</rect>
<rect x="513" y="345" width="51" height="5" fill="#c9d3e3">
</rect>
<rect x="563" y="345" width="53" height="5" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="87" y="98" width="531" height="175">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-heap" d="[1042 commands, 89..616]" fill="#ffffff">
</path>
<path class="line-heap" d="[1042 commands, 89..616]" fill="#2f6fde">
</path>
</g>
<path d="M89,272h527" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M89,271h-4M89,228h-4M89,186h-4M89,143h-4M89,100h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="82" y="275">0</text>
<text x="82" y="233">100 MiB</text>
<text x="82" y="190">200 MiB</text>
<text x="82" y="147">300 MiB</text>
<text x="82" y="104">400 MiB</text>
</g>
<text transform="translate(23,186) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M89,346h527M89,327h527M89,308h527M89,289h527" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="89" y="288" width="527" height="57">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="[147 commands, 89..616]" fill="#e8833a">
</path>
</g>
<path d="M89,346h527" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M89,345h-4M89,326h-4M89,307h-4M89,288h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="82" y="349">0</text>
<text x="82" y="330">10 KiB</text>
<text x="82" y="311">20 KiB</text>
<text x="82" y="292">30 KiB</text>
</g>
<text transform="translate(23,317) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
</g>
<g class="axis-bottom">
<path d="M89,350H616M89,350v4M187,350v4M285,350v4M383,350v4M481,350v4M579,350v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="89" y="367" text-anchor="middle">0</text>
<text x="187" y="367" text-anchor="middle">20k</text>
<text x="285" y="367" text-anchor="middle">40k</text>
<text x="383" y="367" text-anchor="middle">60k</text>
<text x="481" y="367" text-anchor="middle">80k</text>
<text x="579" y="367" text-anchor="middle">100k</text>
</g>
<text x="352" y="386" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<g class="annotations">
<circle cx="616" cy="140" class="marker-peak-exit" r="6" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="616" cy="140" r="3" fill="#2f6fde">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="607" y="134" text-anchor="end" class="label-peak-exit">peak and when the recording stopped: 307 MiB at call 107,498</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
<rect x="243" y="19" width="10" height="6" fill="#c9d3e3">
</rect>
<rect x="252" y="19" width="10" height="6" fill="#eef1f6">
</rect>
<text x="267" y="26">time: one band per 10 % of the run</text>
</g>
<g class="notes">
<rect x="14" y="35" width="612" height="53" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ the program never reached its exit handler (crashed or killed): the header holds no peaks or end</text>
<text x="20" y="66">   time, so they were computed from the entries</text>
<text x="20" y="82">⚠ the last 8 bytes are a partial record and were ignored (the program probably died while writing)</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > mmap: heap below zero, no stack 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="[13 commands, 85..691]" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
<path d="M85,238h691" stroke="#8c959f" stroke-width="1" fill="none" class="zero-line">
</path>
</g>
<g class="time-bands">
<rect x="85" y="545" width="152" height="5" fill="#c9d3e3">
</rect>
<rect x="237" y="545" width="85" height="5" fill="#eef1f6">
</rect>
<rect x="322" y="545" width="79" height="5" fill="#c9d3e3">
</rect>
<rect x="401" y="545" width="80" height="5" fill="#eef1f6">
</rect>
<rect x="480" y="545" width="65" height="5" fill="#c9d3e3">
</rect>
<rect x="545" y="545" width="71" height="5" fill="#eef1f6">
</rect>
<rect x="616" y="545" width="5" height="5" fill="#c9d3e3">
</rect>
<rect x="621" y="545" width="7" height="5" fill="#eef1f6">
</rect>
<rect x="628" y="545" width="3" height="5" fill="#c9d3e3">
</rect>
<rect x="630" y="545" width="146" height="5" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="83" y="98" width="695" height="449">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-heap" d="[1195 commands, 85..776]" fill="#ffffff">
</path>
<path class="line-heap" d="[1195 commands, 85..776]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M85,545h-4M85,511h-4M85,477h-4M85,442h-4M85,408h-4M85,374h-4M85,340h-4M85,305h-4M85,271h-4M85,237h-4M85,203h-4M85,169h-4M85,134h-4M85,100h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="549">−9 MiB</text>
<text x="78" y="515">−8 MiB</text>
<text x="78" y="481">−7 MiB</text>
<text x="78" y="447">−6 MiB</text>
<text x="78" y="412">−5 MiB</text>
<text x="78" y="378">−4 MiB</text>
<text x="78" y="344">−3 MiB</text>
<text x="78" y="310">−2 MiB</text>
<text x="78" y="275">−1 MiB</text>
<text x="78" y="241">0</text>
<text x="78" y="207">1 MiB</text>
<text x="78" y="173">2 MiB</text>
<text x="78" y="138">3 MiB</text>
<text x="78" y="104">4 MiB</text>
</g>
<text transform="translate(23,323) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="axis-bottom">
<path d="M85,550H776M85,550v4M189,550v4M292,550v4M396,550v4M499,550v4M603,550v4M706,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="85" y="567" text-anchor="middle">0</text>
<text x="189" y="567" text-anchor="middle">1,000</text>
<text x="292" y="567" text-anchor="middle">2,000</text>
<text x="396" y="567" text-anchor="middle">3,000</text>
<text x="499" y="567" text-anchor="middle">4,000</text>
<text x="603" y="567" text-anchor="middle">5,000</text>
<text x="706" y="567" text-anchor="middle">6,000</text>
</g>
<text x="431" y="586" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<g class="annotations">
<circle cx="776" cy="531" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="622" cy="107" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="613" y="114" text-anchor="end" class="label-peak-heap">peak heap 4 MiB at call 5,189</text>
<text x="767" y="528" text-anchor="end" class="label-exit-heap">heap at exit −9 MiB (below zero: frees of memory allocated before tracing)</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<rect x="85" y="19" width="10" height="6" fill="#c9d3e3">
</rect>
<rect x="94" y="19" width="10" height="6" fill="#eef1f6">
</rect>
<text x="108" y="26">time: one band per 10 % of the run</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="53" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ the heap counter went below zero (lowest -9,012,761 bytes at entry 6676): memory allocated before tracing started was</text>
<text x="20" y="66">   freed; heap values are read as signed</text>
<text x="20" y="82">⚠ the header's peak heap (-336,775 bytes) is below the largest entry (3,969,518 bytes): the entries are used</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > sort thumbnail 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="80" viewBox="0 0 100 80" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>sort</title>
<rect width="100" height="80" fill="#ffffff">
</rect>
<g class="grid">
<path d="M41,61h49M41,34h49M41,7h49" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="41" y="60" width="48" height="4" fill="#c9d3e3">
</rect>
<rect x="89" y="60" width="0" height="4" fill="#c9d3e3">
</rect>
<rect x="89" y="60" width="1" height="4" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="39" y="4" width="53" height="58">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-heap" d="M41,58H87L88,15H90L90,58V62H90L89,19L88,62H41Z" fill="#ffffff">
</path>
<path class="line-heap" d="M41,59H87L88,16H90L90,59V61H90L89,18L88,61H41Z" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M41,60h-2M41,33h-2M41,6h-2" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="8" text-anchor="end">
<text x="36" y="63">0</text>
<text x="36" y="36">50 MiB</text>
<text x="36" y="9">100 MiB</text>
</g>
</g>
<g class="axis-bottom">
<path d="M41,64H90M41,64v2M75,64v2" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="8">
<text x="41" y="74" text-anchor="middle">0</text>
<text x="75" y="74" text-anchor="middle">200</text>
</g>
</g>
<g class="annotations">
<circle cx="90" cy="60" class="marker-exit-heap" r="3" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="89" cy="17" class="marker-peak-heap" r="3" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="8" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > threads on seconds 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M85,422h691M85,388h691M85,355h691M85,321h691M85,287h691M85,254h691M85,220h691M85,186h691M85,152h691M85,119h691M85,85h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="83" y="82" width="695" height="341">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="halo-total" d="[1241 commands, 86..776]" fill="#ffffff">
</path>
<path class="line-total" d="[1250 commands, 86..776]" fill="#7b4fc9">
</path>
<path class="halo-heap" d="[1229 commands, 86..776]" fill="#ffffff">
</path>
<path class="line-heap" d="[1237 commands, 86..776]" fill="#2f6fde">
</path>
</g>
<path d="M85,422h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,421h-4M85,387h-4M85,354h-4M85,320h-4M85,286h-4M85,253h-4M85,219h-4M85,185h-4M85,151h-4M85,118h-4M85,84h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="425">0</text>
<text x="78" y="392">1 MiB</text>
<text x="78" y="358">1 MiB</text>
<text x="78" y="324">2 MiB</text>
<text x="78" y="290">2 MiB</text>
<text x="78" y="257">3 MiB</text>
<text x="78" y="223">3 MiB</text>
<text x="78" y="189">4 MiB</text>
<text x="78" y="156">4 MiB</text>
<text x="78" y="122">5 MiB</text>
<text x="78" y="88">5 MiB</text>
</g>
<text transform="translate(23,253) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">bytes</text>
</g>
<g class="panel-stack">
<g class="grid">
<path d="M85,551h691M85,523h691M85,495h691M85,467h691M85,439h691" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-panel-stack">
<rect x="85" y="438" width="691" height="112">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-panel-stack)">
<path class="line-stack" d="[1073 commands, 86..776]" fill="#e8833a">
</path>
</g>
<path d="M85,551h691" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g class="axis-left">
<path d="M85,550h-4M85,522h-4M85,494h-4M85,466h-4M85,438h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="554">0</text>
<text x="78" y="526">20 KiB</text>
<text x="78" y="498">40 KiB</text>
<text x="78" y="470">60 KiB</text>
<text x="78" y="442">80 KiB</text>
</g>
<text transform="translate(23,494) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
</g>
<g class="axis-bottom">
<path d="M85,550H776M85,550v4M189,550v4M293,550v4M396,550v4M500,550v4M604,550v4M708,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="85" y="567" text-anchor="middle">0</text>
<text x="189" y="567" text-anchor="middle">10 ms</text>
<text x="293" y="567" text-anchor="middle">20 ms</text>
<text x="396" y="567" text-anchor="middle">30 ms</text>
<text x="500" y="567" text-anchor="middle">40 ms</text>
<text x="604" y="567" text-anchor="middle">50 ms</text>
<text x="708" y="567" text-anchor="middle">60 ms</text>
</g>
<text x="430" y="586" text-anchor="middle" font-size="12" fill="#5b6470">time since start</text>
</g>
<g class="annotations">
<path d="M637,107L630,189" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<circle cx="776" cy="416" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="591" cy="100" class="marker-peak-total" r="4" fill="#7b4fc9" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="637" cy="102" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="628" y="200" text-anchor="end" class="label-peak-heap">peak heap 5 MiB at 53 ms</text>
<text x="582" y="98" text-anchor="end" class="label-peak-total">peak heap + stack 5 MiB at ~49 ms</text>
<text x="767" y="412" text-anchor="end" class="label-exit-heap">82 KiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none">
</path>
<text x="108" y="26">stack (panel below)</text>
<path d="M243,22h19" stroke="#7b4fc9" stroke-width="3" fill="none">
</path>
<text x="267" y="26">heap + stack</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="37" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ timestamps step back once between consecutive entries (the tick counter is read per CPU and entries can be written out of</text>
<text x="20" y="66">   order)</text>
</g>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > threads, calls axis, rate panel, no stack, classic 400×200 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="400" height="200" fill="#ffffff">
</rect>
<g class="grid">
<path d="M59,157h325M59,123h325M59,89h325M59,55h325" stroke="#ff0000" stroke-width="1" fill="none" stroke-dasharray="4 3">
</path>
</g>
<g class="time-bands">
<rect x="59" y="156" width="28" height="5" fill="#9acd32">
</rect>
<rect x="87" y="156" width="37" height="5" fill="#ffffff">
</rect>
<rect x="124" y="156" width="27" height="5" fill="#9acd32">
</rect>
<rect x="150" y="156" width="29" height="5" fill="#ffffff">
</rect>
<rect x="179" y="156" width="24" height="5" fill="#9acd32">
</rect>
<rect x="203" y="156" width="22" height="5" fill="#ffffff">
</rect>
<rect x="225" y="156" width="21" height="5" fill="#9acd32">
</rect>
<rect x="246" y="156" width="67" height="5" fill="#ffffff">
</rect>
<rect x="313" y="156" width="23" height="5" fill="#9acd32">
</rect>
<rect x="336" y="156" width="48" height="5" fill="#ffffff">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="58" y="54" width="326" height="103">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-heap" d="[650 commands, 59..384]" fill="#ff0000">
</path>
</g>
<rect x="59" y="55" width="324" height="101" fill="none" stroke="#0000ff" stroke-width="1">
</rect>
<g class="axis-left">
<path d="M59,156h-4M59,122h-4M59,88h-4M59,54h-4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="10" text-anchor="end">
<text x="52" y="160">0</text>
<text x="52" y="126">2 MiB</text>
<text x="52" y="92">4 MiB</text>
<text x="52" y="58">6 MiB</text>
</g>
<text transform="translate(15,105) rotate(-90)" text-anchor="middle" font-size="10" fill="#ff0000">heap</text>
</g>
<g class="axis-bottom">
<path d="M59,161H384M59,161v4M137,161v4M215,161v4M294,161v4M372,161v4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="10">
<text x="59" y="176" text-anchor="middle">0</text>
<text x="137" y="176" text-anchor="middle">50k</text>
<text x="215" y="176" text-anchor="middle">100k</text>
<text x="294" y="176" text-anchor="middle">150k</text>
<text x="372" y="176" text-anchor="middle">200k</text>
</g>
<text x="221" y="192" text-anchor="middle" font-size="10" fill="#0000ff">memory function calls</text>
</g>
<g class="annotations">
<path d="M380,154L366,153" stroke="#000000" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="384" cy="155" class="marker-exit-heap" r="3" fill="#ffffff" stroke="#ff0000" stroke-width="2">
</circle>
<circle cx="312" cy="76" class="marker-peak-heap" r="3" fill="#ff0000" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="10" fill="#000000" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="304" y="71" text-anchor="end" class="label-peak-heap">peak heap 5 MiB</text>
<text x="364" y="149" text-anchor="end" class="label-exit-heap">exit 82 KiB</text>
</g>
</g>
<g class="legend" font-size="10" fill="#0000ff">
<path d="M8,15h16" stroke="#ff0000" stroke-width="2" fill="none">
</path>
<text x="28" y="19">heap</text>
<rect x="67" y="13" width="8" height="5" fill="#9acd32">
</rect>
<rect x="75" y="13" width="8" height="5" fill="#ffffff">
</rect>
<text x="87" y="19">time: one band per 10 % of the run</text>
</g>
<g class="notes">
<rect x="8" y="26" width="384" height="18" rx="3" fill="#ffff99">
</rect>
<g fill="#000000" font-size="10">
<text x="13" y="39">⚠ timestamps step back once between consecutive entries (the tick co…</text>
</g>
</g>
</svg>
`

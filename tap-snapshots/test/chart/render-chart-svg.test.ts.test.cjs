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
<path d="M79,551h654M79,503h654M79,455h654M79,406h654M79,358h654M79,310h654M79,262h654M79,214h654M79,165h654M79,117h654M79,69h654" stroke="#ff0000" stroke-width="1" fill="none" stroke-dasharray="4 3">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="78" y="68" width="655" height="483">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="M113,68H733V69H113Z" fill="#00a000" fill-opacity="1">
</path>
<path class="line-heap" d="[79 commands, 79..733]" fill="#ff0000">
</path>
</g>
<rect x="79" y="69" width="653" height="481" fill="none" stroke="#0000ff" stroke-width="1">
</rect>
<g class="axis-left">
<path d="M79,550h-4M79,502h-4M79,454h-4M79,405h-4M79,357h-4M79,309h-4M79,261h-4M79,213h-4M79,164h-4M79,116h-4M79,68h-4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12" text-anchor="end">
<text x="72" y="554">0</text>
<text x="72" y="506">2 KiB</text>
<text x="72" y="458">4 KiB</text>
<text x="72" y="410">6 KiB</text>
<text x="72" y="361">8 KiB</text>
<text x="72" y="313">10 KiB</text>
<text x="72" y="265">12 KiB</text>
<text x="72" y="217">14 KiB</text>
<text x="72" y="169">16 KiB</text>
<text x="72" y="120">18 KiB</text>
<text x="72" y="72">20 KiB</text>
</g>
<text transform="translate(23,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#ff0000">heap</text>
</g>
<g class="axis-right">
<path d="[17 commands, 4..733]" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12" text-anchor="start">
<text x="740" y="554">0</text>
<text x="740" y="524">1 B</text>
<text x="740" y="494">2 B</text>
<text x="740" y="464">3 B</text>
<text x="740" y="434">4 B</text>
<text x="740" y="404">5 B</text>
<text x="740" y="374">6 B</text>
<text x="740" y="343">7 B</text>
<text x="740" y="313">8 B</text>
<text x="740" y="283">9 B</text>
<text x="740" y="253">10 B</text>
<text x="740" y="223">11 B</text>
<text x="740" y="193">12 B</text>
<text x="740" y="163">13 B</text>
<text x="740" y="133">14 B</text>
<text x="740" y="102">15 B</text>
<text x="740" y="72">16 B</text>
</g>
<text transform="translate(782,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#00a000">stack</text>
</g>
<g class="axis-bottom">
<path d="M79,550H733M79,550v4M144,550v4M209,550v4M275,550v4M340,550v4M406,550v4M471,550v4M536,550v4M602,550v4M667,550v4M733,550v4" stroke="#0000ff" stroke-width="1" fill="none">
</path>
<g fill="#0000ff" font-size="12">
<text x="79" y="567" text-anchor="middle">0</text>
<text x="144" y="567" text-anchor="middle">20</text>
<text x="209" y="567" text-anchor="middle">40</text>
<text x="275" y="567" text-anchor="middle">60</text>
<text x="340" y="567" text-anchor="middle">80</text>
<text x="406" y="567" text-anchor="middle">100</text>
<text x="471" y="567" text-anchor="middle">120</text>
<text x="536" y="567" text-anchor="middle">140</text>
<text x="602" y="567" text-anchor="middle">160</text>
<text x="667" y="567" text-anchor="middle">180</text>
<text x="733" y="567" text-anchor="middle">200</text>
</g>
<text x="406" y="586" text-anchor="middle" font-size="12" fill="#0000ff">CPU ticks since start</text>
</g>
<g class="annotations">
<circle cx="733" cy="79" class="marker-peak-exit" r="6" fill="#ffffff" stroke="#ff0000" stroke-width="2">
</circle>
<circle cx="733" cy="79" r="3" fill="#ff0000">
</circle>
<g font-size="12" fill="#000000" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="724" y="82" text-anchor="end" class="label-peak-exit">peak and at exit: 20 KiB at 200 ticks</text>
</g>
</g>
<g class="legend" font-size="12" fill="#0000ff">
<path d="M14,22h19" stroke="#ff0000" stroke-width="2" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#00a000" stroke-width="2" fill="none">
</path>
<text x="108" y="26">stack (right axis)</text>
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
<path d="M83,551h650M83,503h650M83,455h650M83,406h650M83,358h650M83,310h650M83,262h650M83,214h650M83,165h650M83,117h650M83,69h650" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="81" y="66" width="654" height="486">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="M82,75H83V76H82Z" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-heap" d="M82,500L83,66H83V70L83,504H82Z" fill="#ffffff">
</path>
<path class="line-heap" d="M82,501L83,67H83V69L83,503H82Z" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M83,550h-4M83,502h-4M83,454h-4M83,405h-4M83,357h-4M83,309h-4M83,261h-4M83,213h-4M83,164h-4M83,116h-4M83,68h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="76" y="554">0</text>
<text x="76" y="506">100 B</text>
<text x="76" y="458">200 B</text>
<text x="76" y="410">300 B</text>
<text x="76" y="361">400 B</text>
<text x="76" y="313">500 B</text>
<text x="76" y="265">600 B</text>
<text x="76" y="217">700 B</text>
<text x="76" y="169">800 B</text>
<text x="76" y="120">900 B</text>
<text x="76" y="72">1000 B</text>
</g>
<text transform="translate(23,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="axis-right">
<path d="M733,550h4M733,513h4M733,476h4M733,439h4M733,402h4M733,365h4M733,328h4M733,291h4M733,253h4M733,216h4M733,179h4M733,142h4M733,105h4M733,68h4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="start">
<text x="740" y="554">0</text>
<text x="740" y="517">5 B</text>
<text x="740" y="480">10 B</text>
<text x="740" y="443">15 B</text>
<text x="740" y="406">20 B</text>
<text x="740" y="369">25 B</text>
<text x="740" y="332">30 B</text>
<text x="740" y="295">35 B</text>
<text x="740" y="258">40 B</text>
<text x="740" y="221">45 B</text>
<text x="740" y="183">50 B</text>
<text x="740" y="146">55 B</text>
<text x="740" y="109">60 B</text>
<text x="740" y="72">65 B</text>
</g>
<text transform="translate(782,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
<g class="axis-bottom">
<path d="M83,550H733M83,550v4M733,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="83" y="567" text-anchor="middle">0</text>
<text x="733" y="567" text-anchor="middle">1</text>
</g>
<text x="408" y="586" text-anchor="middle" font-size="12" fill="#5b6470">CPU ticks since start</text>
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
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none" stroke-opacity="1">
</path>
<text x="108" y="26">stack (right axis)</text>
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
<text x="429" y="325" text-anchor="middle" font-size="12" fill="#5b6470">no entries: the file holds no recorded calls</text>
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
<path d="[15 commands, 66..641]" stroke="#2b313b" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="79" y="63" width="645" height="489">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[1274 commands, 81..722]" fill="#ffa04d" fill-opacity="0">
</path>
<path class="halo-total" d="[1236 commands, 81..722]" fill="#161a21">
</path>
<path class="line-total" d="[1238 commands, 81..722]" fill="#c39bf0">
</path>
<path class="halo-heap" d="[1137 commands, 81..722]" fill="#161a21">
</path>
<path class="line-heap" d="[1137 commands, 81..722]" fill="#5b9cf5">
</path>
</g>
<g class="axis-left">
<path d="M81,550h-4M81,515h-4M81,481h-4M81,446h-4M81,411h-4M81,377h-4M81,342h-4M81,308h-4M81,273h-4M81,238h-4M81,204h-4M81,169h-4M81,134h-4M81,100h-4M81,65h-4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12" text-anchor="end">
<text x="74" y="554">0</text>
<text x="74" y="520">1 MiB</text>
<text x="74" y="485">2 MiB</text>
<text x="74" y="450">3 MiB</text>
<text x="74" y="416">4 MiB</text>
<text x="74" y="381">5 MiB</text>
<text x="74" y="346">6 MiB</text>
<text x="74" y="312">7 MiB</text>
<text x="74" y="277">8 MiB</text>
<text x="74" y="242">9 MiB</text>
<text x="74" y="208">10 MiB</text>
<text x="74" y="173">11 MiB</text>
<text x="74" y="139">12 MiB</text>
<text x="74" y="104">13 MiB</text>
<text x="74" y="69">14 MiB</text>
</g>
<text transform="translate(23,308) rotate(-90)" text-anchor="middle" font-size="12" fill="#9aa3ae">bytes</text>
</g>
<g class="axis-right">
<path d="M722,550h4M722,496h4M722,442h4M722,388h4M722,334h4M722,281h4M722,227h4M722,173h4M722,119h4M722,65h4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12" text-anchor="start">
<text x="729" y="554">0</text>
<text x="729" y="500">5 KiB</text>
<text x="729" y="446">10 KiB</text>
<text x="729" y="393">15 KiB</text>
<text x="729" y="339">20 KiB</text>
<text x="729" y="285">25 KiB</text>
<text x="729" y="231">30 KiB</text>
<text x="729" y="177">35 KiB</text>
<text x="729" y="123">40 KiB</text>
<text x="729" y="69">45 KiB</text>
</g>
<text transform="translate(782,308) rotate(-90)" text-anchor="middle" font-size="12" fill="#ffa04d">stack</text>
</g>
<g class="axis-bottom">
<path d="M81,550H722M81,550v4M188,550v4M295,550v4M402,550v4M509,550v4M616,550v4" stroke="#4a5260" stroke-width="1" fill="none">
</path>
<g fill="#9aa3ae" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="188" y="567" text-anchor="middle">1G</text>
<text x="295" y="567" text-anchor="middle">1G</text>
<text x="402" y="567" text-anchor="middle">2G</text>
<text x="509" y="567" text-anchor="middle">2G</text>
<text x="616" y="567" text-anchor="middle">3G</text>
</g>
<text x="401" y="586" text-anchor="middle" font-size="12" fill="#9aa3ae">CPU ticks since start</text>
</g>
<g class="annotations">
<path d="M706,103L700,138" stroke="#e3e6ea" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<path d="M721,121L714,158" stroke="#e3e6ea" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="722" cy="116" class="marker-exit-heap" r="4" fill="#161a21" stroke="#5b9cf5" stroke-width="2">
</circle>
<circle cx="707" cy="98" class="marker-peak-total" r="4" fill="#c39bf0" stroke="#161a21" stroke-width="2">
</circle>
<circle cx="707" cy="98" class="marker-peak-heap" r="4" fill="#5b9cf5" stroke="#161a21" stroke-width="2">
</circle>
<g font-size="12" fill="#e3e6ea" stroke="#161a21" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="698" y="149" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at 3G ticks</text>
<text x="698" y="93" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~3G ticks</text>
<text x="712" y="169" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<text x="14" y="30" font-size="16" font-weight="bold" fill="#e3e6ea" class="title">javac</text>
<g class="legend" font-size="12" fill="#9aa3ae">
<path d="M14,46h19" stroke="#5b9cf5" stroke-width="3" fill="none">
</path>
<text x="38" y="50">heap</text>
<path d="M85,46h19" stroke="#ffa04d" stroke-width="3" fill="none" stroke-opacity="0">
</path>
<text x="108" y="50">stack (right axis)</text>
<path d="M226,46h19" stroke="#c39bf0" stroke-width="3" fill="none">
</path>
<text x="250" y="50">heap + stack (stack ≤ 40 KiB: on the heap line)</text>
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
<path d="M776,99L769,166" stroke="#000000" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="776" cy="94" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#ff0000" stroke-width="2">
</circle>
<circle cx="771" cy="75" class="marker-peak-total" r="4" fill="#000000" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="771" cy="75" class="marker-peak-heap" r="4" fill="#ff0000" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#000000" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="761" y="71" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at call 94,783</text>
<text x="761" y="91" text-anchor="end" class="label-peak-total">peak heap + stack 13 MiB at ~call 94,776</text>
<text x="767" y="177" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
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
<path d="[15 commands, 42..641]" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="81" y="545" width="63" height="5" fill="#c9d3e3">
</rect>
<rect x="144" y="545" width="123" height="5" fill="#eef1f6">
</rect>
<rect x="267" y="545" width="134" height="5" fill="#c9d3e3">
</rect>
<rect x="401" y="545" width="103" height="5" fill="#eef1f6">
</rect>
<rect x="503" y="545" width="89" height="5" fill="#c9d3e3">
</rect>
<rect x="592" y="545" width="24" height="5" fill="#eef1f6">
</rect>
<rect x="616" y="545" width="34" height="5" fill="#c9d3e3">
</rect>
<rect x="649" y="545" width="21" height="5" fill="#eef1f6">
</rect>
<rect x="670" y="545" width="27" height="5" fill="#c9d3e3">
</rect>
<rect x="697" y="545" width="25" height="5" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="79" y="39" width="645" height="508">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[1086 commands, 81..722]" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-heap" d="[1278 commands, 73..722]" fill="#ffffff">
</path>
<path class="line-heap" d="[1278 commands, 74..722]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M81,545h-4M81,509h-4M81,473h-4M81,437h-4M81,401h-4M81,365h-4M81,329h-4M81,293h-4M81,257h-4M81,221h-4M81,185h-4M81,149h-4M81,113h-4M81,77h-4M81,41h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
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
<text transform="translate(23,293) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="axis-right">
<path d="M722,545h4M722,489h4M722,433h4M722,377h4M722,321h4M722,265h4M722,209h4M722,153h4M722,97h4M722,41h4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="start">
<text x="729" y="549">0</text>
<text x="729" y="493">5 KiB</text>
<text x="729" y="437">10 KiB</text>
<text x="729" y="381">15 KiB</text>
<text x="729" y="325">20 KiB</text>
<text x="729" y="269">25 KiB</text>
<text x="729" y="213">30 KiB</text>
<text x="729" y="157">35 KiB</text>
<text x="729" y="101">40 KiB</text>
<text x="729" y="45">45 KiB</text>
</g>
<text transform="translate(782,293) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
<g class="axis-bottom">
<path d="M81,550H722M81,550v4M148,550v4M215,550v4M282,550v4M349,550v4M416,550v4M483,550v4M550,550v4M617,550v4M685,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="81" y="567" text-anchor="middle">0</text>
<text x="148" y="567" text-anchor="middle">10k</text>
<text x="215" y="567" text-anchor="middle">20k</text>
<text x="282" y="567" text-anchor="middle">30k</text>
<text x="349" y="567" text-anchor="middle">40k</text>
<text x="416" y="567" text-anchor="middle">50k</text>
<text x="483" y="567" text-anchor="middle">60k</text>
<text x="550" y="567" text-anchor="middle">70k</text>
<text x="617" y="567" text-anchor="middle">80k</text>
<text x="685" y="567" text-anchor="middle">90k</text>
</g>
<text x="401" y="586" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<g class="annotations">
<path d="M716,94L666,94" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-exit-heap">
</path>
<circle cx="722" cy="94" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="717" cy="75" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="707" y="71" text-anchor="end" class="label-peak-heap">peak heap 13 MiB at call 94,783</text>
<text x="664" y="91" text-anchor="end" class="label-exit-heap">13 MiB still allocated at exit</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none" stroke-opacity="1">
</path>
<text x="108" y="26">stack (right axis)</text>
<rect x="226" y="19" width="10" height="6" fill="#c9d3e3">
</rect>
<rect x="236" y="19" width="10" height="6" fill="#eef1f6">
</rect>
<text x="250" y="26">time: one band per 10 % of the run</text>
</g>
</svg>
`

exports[`test/chart/render-chart-svg.test.ts > TAP > snapshots on the recorded fixtures > killed-truncated: warnings 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>memory usage</title>
<rect width="640" height="400" fill="#ffffff">
</rect>
<g class="grid">
<path d="M89,346h473M89,311h473M89,276h473M89,241h473M89,206h473M89,171h473M89,136h473M89,101h473" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="89" y="345" width="52" height="5" fill="#c9d3e3">
</rect>
<rect x="141" y="345" width="46" height="5" fill="#eef1f6">
</rect>
<rect x="186" y="345" width="47" height="5" fill="#c9d3e3">
</rect>
<rect x="233" y="345" width="47" height="5" fill="#eef1f6">
</rect>
<rect x="280" y="345" width="48" height="5" fill="#c9d3e3">
</rect>
<rect x="328" y="345" width="48" height="5" fill="#eef1f6">
</rect>
<rect x="376" y="345" width="47" height="5" fill="#c9d3e3">
</rect>
<rect x="423" y="345" width="46" height="5" fill="#eef1f6">
</rect>
<rect x="469" y="345" width="45" height="5" fill="#c9d3e3">
</rect>
<rect x="514" y="345" width="47" height="5" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="87" y="98" width="477" height="249">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[139 commands, 89..562]" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-heap" d="[942 commands, 89..562]" fill="#ffffff">
</path>
<path class="line-heap" d="[942 commands, 89..562]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M89,345h-4M89,310h-4M89,275h-4M89,240h-4M89,205h-4M89,170h-4M89,135h-4M89,100h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="82" y="349">0</text>
<text x="82" y="314">50 MiB</text>
<text x="82" y="279">100 MiB</text>
<text x="82" y="244">150 MiB</text>
<text x="82" y="209">200 MiB</text>
<text x="82" y="174">250 MiB</text>
<text x="82" y="139">300 MiB</text>
<text x="82" y="104">350 MiB</text>
</g>
<text transform="translate(23,223) rotate(-90)" text-anchor="middle" font-size="12" fill="#2f6fde">heap</text>
</g>
<g class="axis-right">
<path d="M562,345h4M562,296h4M562,247h4M562,198h4M562,149h4M562,100h4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="start">
<text x="569" y="349">0</text>
<text x="569" y="300">5 KiB</text>
<text x="569" y="251">10 KiB</text>
<text x="569" y="202">15 KiB</text>
<text x="569" y="153">20 KiB</text>
<text x="569" y="104">25 KiB</text>
</g>
<text transform="translate(622,223) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
<g class="axis-bottom">
<path d="M89,350H562M89,350v4M177,350v4M265,350v4M353,350v4M441,350v4M529,350v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="89" y="367" text-anchor="middle">0</text>
<text x="177" y="367" text-anchor="middle">20k</text>
<text x="265" y="367" text-anchor="middle">40k</text>
<text x="353" y="367" text-anchor="middle">60k</text>
<text x="441" y="367" text-anchor="middle">80k</text>
<text x="529" y="367" text-anchor="middle">100k</text>
</g>
<text x="325" y="386" text-anchor="middle" font-size="12" fill="#5b6470">memory function calls</text>
</g>
<g class="annotations">
<circle cx="562" cy="130" class="marker-peak-exit" r="6" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="562" cy="130" r="3" fill="#2f6fde">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="552" y="126" text-anchor="end" class="label-peak-exit">peak and when the recording stopped: 307 MiB at call 107,498</text>
</g>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,22h19" stroke="#2f6fde" stroke-width="3" fill="none">
</path>
<text x="38" y="26">heap</text>
<path d="M85,22h19" stroke="#e8833a" stroke-width="3" fill="none" stroke-opacity="1">
</path>
<text x="108" y="26">stack (right axis)</text>
<rect x="226" y="19" width="10" height="6" fill="#c9d3e3">
</rect>
<rect x="236" y="19" width="10" height="6" fill="#eef1f6">
</rect>
<text x="250" y="26">time: one band per 10 % of the run</text>
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
<path d="M41,61h29M41,34h29M41,7h29" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<g class="time-bands">
<rect x="41" y="60" width="29" height="4" fill="#c9d3e3">
</rect>
<rect x="70" y="60" width="0" height="4" fill="#c9d3e3">
</rect>
<rect x="70" y="60" width="0" height="4" fill="#eef1f6">
</rect>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="39" y="4" width="33" height="58">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[57 commands, 16..70]" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-heap" d="M41,58H68L69,15H70L70,58V62H41Z" fill="#ffffff">
</path>
<path class="line-heap" d="M41,59H68L69,16H70L70,59V61H41Z" fill="#2f6fde">
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
<g class="axis-right">
<path d="M70,60h2M70,42h2M70,24h2M70,6h2" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="8" text-anchor="start">
<text x="75" y="63">0</text>
<text x="75" y="45">1 KiB</text>
<text x="75" y="27">2 KiB</text>
<text x="75" y="9">3 KiB</text>
</g>
</g>
<g class="axis-bottom">
<path d="M41,64H70M41,64v2M61,64v2" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="8">
<text x="41" y="74" text-anchor="middle">0</text>
<text x="61" y="74" text-anchor="middle">200</text>
</g>
</g>
<g class="annotations">
<circle cx="70" cy="60" class="marker-exit-heap" r="3" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="70" cy="17" class="marker-peak-heap" r="3" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
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
<path d="M85,551h637M85,503h637M85,455h637M85,406h637M85,358h637M85,310h637M85,262h637M85,214h637M85,165h637M85,117h637M85,69h637" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
</g>
<defs>
<clipPath id="memplot-plot-area">
<rect x="83" y="66" width="641" height="486">
</rect>
</clipPath>
</defs>
<g clip-path="url(#memplot-plot-area)">
<path class="line-stack" d="[1069 commands, 79..722]" fill="#e8833a" fill-opacity="1">
</path>
<path class="halo-total" d="[1158 commands, 86..722]" fill="#ffffff">
</path>
<path class="line-total" d="[1165 commands, 86..722]" fill="#7b4fc9">
</path>
<path class="halo-heap" d="[1154 commands, 86..722]" fill="#ffffff">
</path>
<path class="line-heap" d="[1160 commands, 86..722]" fill="#2f6fde">
</path>
</g>
<g class="axis-left">
<path d="M85,550h-4M85,502h-4M85,454h-4M85,405h-4M85,357h-4M85,309h-4M85,261h-4M85,213h-4M85,164h-4M85,116h-4M85,68h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="78" y="554">0</text>
<text x="78" y="506">1 MiB</text>
<text x="78" y="458">1 MiB</text>
<text x="78" y="410">2 MiB</text>
<text x="78" y="361">2 MiB</text>
<text x="78" y="313">3 MiB</text>
<text x="78" y="265">3 MiB</text>
<text x="78" y="217">4 MiB</text>
<text x="78" y="169">4 MiB</text>
<text x="78" y="120">5 MiB</text>
<text x="78" y="72">5 MiB</text>
</g>
<text transform="translate(23,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#5b6470">bytes</text>
</g>
<g class="axis-right">
<path d="[15 commands, 4..722]" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="start">
<text x="729" y="554">0</text>
<text x="729" y="520">5 KiB</text>
<text x="729" y="485">10 KiB</text>
<text x="729" y="451">15 KiB</text>
<text x="729" y="417">20 KiB</text>
<text x="729" y="382">25 KiB</text>
<text x="729" y="348">30 KiB</text>
<text x="729" y="313">35 KiB</text>
<text x="729" y="279">40 KiB</text>
<text x="729" y="244">45 KiB</text>
<text x="729" y="210">50 KiB</text>
<text x="729" y="176">55 KiB</text>
<text x="729" y="141">60 KiB</text>
<text x="729" y="107">65 KiB</text>
<text x="729" y="72">70 KiB</text>
</g>
<text transform="translate(782,309) rotate(-90)" text-anchor="middle" font-size="12" fill="#e8833a">stack</text>
</g>
<g class="axis-bottom">
<path d="M85,550H722M85,550v4M181,550v4M276,550v4M372,550v4M468,550v4M563,550v4M659,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="85" y="567" text-anchor="middle">0</text>
<text x="181" y="567" text-anchor="middle">10 ms</text>
<text x="276" y="567" text-anchor="middle">20 ms</text>
<text x="372" y="567" text-anchor="middle">30 ms</text>
<text x="468" y="567" text-anchor="middle">40 ms</text>
<text x="563" y="567" text-anchor="middle">50 ms</text>
<text x="659" y="567" text-anchor="middle">60 ms</text>
</g>
<text x="403" y="586" text-anchor="middle" font-size="12" fill="#5b6470">time since start</text>
</g>
<g class="annotations">
<path d="M589,94L490,95" stroke="#1f2328" stroke-opacity="0" stroke-width="1" fill="none" class="leader-peak-heap">
</path>
<circle cx="722" cy="542" class="marker-exit-heap" r="4" fill="#ffffff" stroke="#2f6fde" stroke-width="2">
</circle>
<circle cx="551" cy="90" class="marker-peak-total" r="4" fill="#7b4fc9" stroke="#ffffff" stroke-width="2">
</circle>
<circle cx="594" cy="94" class="marker-peak-heap" r="4" fill="#2f6fde" stroke="#ffffff" stroke-width="2">
</circle>
<g font-size="12" fill="#1f2328" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text x="488" y="106" text-anchor="end" class="label-peak-heap">peak heap 5 MiB at 53 ms</text>
<text x="542" y="86" text-anchor="end" class="label-peak-total">peak heap + stack 5 MiB at ~49 ms</text>
<text x="712" y="538" text-anchor="end" class="label-exit-heap">82 KiB still allocated at exit</text>
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
<text x="250" y="26">heap + stack</text>
</g>
<g class="notes">
<rect x="14" y="35" width="772" height="21" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="50">⚠ time steps backwards once between consecutive entries (threads share memusage's buffer)</text>
</g>
</g>
</svg>
`

/* IMPORTANT
 * This snapshot file is auto-generated, but designed for humans.
 * It should be checked into source control and tracked carefully.
 * Re-generate by setting TAP_SNAPSHOT=1 and running tests.
 * Make sure to inspect the output below.  Do not ignore changes!
 */
'use strict'
exports[`test/chart/malloc-tag/render-malloc-tag-svg.test.ts > TAP > bars: the top N scopes, largest first, with figures and shares > bars by self 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>malloc-tag top scopes</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="scope-bars">
<g class="scope-bar">
<title>worker/1 › worker › parse
bytes allocated in the scope itself: 7,274,856 B (23 % of all)</title>
<text x="251" y="57" text-anchor="end" font-size="12" fill="#1f2328">worker/1 › worker › parse</text>
<rect x="258" y="44" width="418" height="18" fill="#b71c1c">
</rect>
<text x="683" y="57" font-size="12" fill="#5b6470">7 MiB · 23 %</text>
</g>
<g class="scope-bar">
<title>worker/1 › worker › index
bytes allocated in the scope itself: 6,822,080 B (22 % of all)</title>
<text x="251" y="83" text-anchor="end" font-size="12" fill="#1f2328">worker/1 › worker › index</text>
<rect x="258" y="70" width="392" height="18" fill="#b92322">
</rect>
<text x="657" y="83" font-size="12" fill="#5b6470">7 MiB · 22 %</text>
</g>
<g class="scope-bar">
<title>worker/0 › worker › index
bytes allocated in the scope itself: 5,497,632 B (18 % of all)</title>
<text x="251" y="109" text-anchor="end" font-size="12" fill="#1f2328">worker/0 › worker › index</text>
<rect x="258" y="96" width="316" height="18" fill="#c03737">
</rect>
<text x="581" y="109" font-size="12" fill="#5b6470">5 MiB · 18 %</text>
</g>
<g class="scope-bar">
<title>worker/0 › worker › parse
bytes allocated in the scope itself: 5,070,112 B (16 % of all)</title>
<text x="251" y="135" text-anchor="end" font-size="12" fill="#1f2328">worker/0 › worker › parse</text>
<rect x="258" y="122" width="291" height="18" fill="#c33e3e">
</rect>
<text x="557" y="135" font-size="12" fill="#5b6470">5 MiB · 16 %</text>
</g>
<g class="scope-bar">
<title>worker/1 › worker › index › tokenize
bytes allocated in the scope itself: 3,629,576 B (12 % of all)</title>
<text x="251" y="161" text-anchor="end" font-size="12" fill="#1f2328">worker/1 › worker › index › tokenize</text>
<rect x="258" y="148" width="209" height="18" fill="#cc5958">
</rect>
<text x="474" y="161" font-size="12" fill="#5b6470">3 MiB · 12 %</text>
</g>
</g>
<text x="14" y="26" font-size="12" fill="#5b6470" class="caption">pid 20629, 2026-12-02 @ 04:16:53 UTC · top 5 scopes by bytes allocated in the scope itself</text>
</svg>
`

exports[`test/chart/malloc-tag/render-malloc-tag-svg.test.ts > TAP > icicle of pipeline_stats.json, split and merged: snapshots > merged, dark 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>malloc-tag scopes</title>
<rect width="800" height="600" fill="#161a21">
</rect>
<g class="icicle">
<g class="scope">
<title>pipeline
bytes allocated (scope and below): 123,752 B (0 % of all)
scope and below: allocated 123,752 B, freed 17,208 B
scope itself: allocated 0 B, freed 0 B; 0 calls</title>
<rect x="14" y="56" width="3" height="23" fill="#3a282c" stroke="#161a21" stroke-width="1">
</rect>
<text x="21" y="71" fill="#9aa3ae" font-size="10">pipeline · 121 KiB · 0 %</text>
</g>
<g class="scope">
<title>pipeline › main
bytes allocated (scope and below): 123,752 B (0 % of all)
scope and below: allocated 123,752 B, freed 17,208 B
scope itself: allocated 1,832 B, freed 624 B; 17 calls</title>
<rect x="14" y="80" width="3" height="23" fill="#3c292c" stroke="#161a21" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>pipeline › main › parse
bytes allocated (scope and below): 121,920 B (0 % of all)
scope and below: allocated 121,920 B, freed 16,584 B
scope itself: allocated 121,920 B, freed 16,584 B; 510 calls</title>
<rect x="14" y="104" width="3" height="23" fill="#4c2c30" stroke="#161a21" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>worker/* (2 threads)
bytes allocated (scope and below): 30,861,472 B (100 % of all)
scope and below: allocated 30,861,472 B, freed 30,425,160 B
scope itself: allocated 0 B, freed 96 B; 0 calls</title>
<rect x="14" y="134" width="772" height="23" fill="#3a282c" stroke="#161a21" stroke-width="1">
</rect>
<text x="18" y="149" fill="#ffffff" font-size="10">worker/* (2 threads) · 29 MiB · 100 %</text>
</g>
<g class="scope">
<title>worker/* (2 threads) › worker
bytes allocated (scope and below): 30,861,472 B (100 % of all)
scope and below: allocated 30,861,472 B, freed 30,425,064 B
scope itself: allocated 0 B, freed 22,693,720 B; 0 calls</title>
<rect x="14" y="158" width="772" height="23" fill="#3a282c" stroke="#161a21" stroke-width="1">
</rect>
<text x="18" y="173" fill="#ffffff" font-size="10">worker · 29 MiB · 100 %</text>
</g>
<g class="scope">
<title>worker/* (2 threads) › worker › parse
bytes allocated (scope and below): 12,344,968 B (40 % of all)
scope and below: allocated 12,344,968 B, freed 1,970,960 B
scope itself: allocated 12,344,968 B, freed 1,970,960 B; 45,250 calls</title>
<rect x="14" y="182" width="309" height="23" fill="#ef5350" stroke="#161a21" stroke-width="1">
</rect>
<text x="18" y="197" fill="#ffffff" font-size="10">parse · 12 MiB · 40 %</text>
</g>
<g class="scope">
<title>worker/* (2 threads) › worker › index
bytes allocated (scope and below): 18,063,464 B (58 % of all)
scope and below: allocated 18,063,464 B, freed 5,743,752 B
scope itself: allocated 12,319,712 B, freed 0 B; 90,000 calls</title>
<rect x="323" y="182" width="452" height="23" fill="#ef5350" stroke="#161a21" stroke-width="1">
</rect>
<text x="327" y="197" fill="#ffffff" font-size="10">index · 17 MiB · 58 %</text>
</g>
<g class="scope">
<title>worker/* (2 threads) › worker › cache
bytes allocated (scope and below): 453,040 B (2 % of all)
scope and below: allocated 453,040 B, freed 16,632 B
scope itself: allocated 453,040 B, freed 16,632 B; 1,512 calls</title>
<rect x="775" y="182" width="11" height="23" fill="#5d3033" stroke="#161a21" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>worker/* (2 threads) › worker › index › tokenize
bytes allocated (scope and below): 5,743,752 B (19 % of all)
scope and below: allocated 5,743,752 B, freed 5,743,752 B
scope itself: allocated 5,743,752 B, freed 5,743,752 B; 45,250 calls</title>
<rect x="323" y="206" width="144" height="23" fill="#b54545" stroke="#161a21" stroke-width="1">
</rect>
<text x="327" y="221" fill="#ffffff" font-size="10">tokenize · 5 MiB</text>
</g>
</g>
<text x="14" y="26" font-size="12" fill="#9aa3ae" class="caption">pid 20629, 2026-12-02 @ 04:16:53 UTC · width: bytes allocated (scope and below) · colour: the scope's own share (deepest</text>
<text x="14" y="42" font-size="12" fill="#9aa3ae" class="caption">red 40 % of all)</text>
</svg>
`

exports[`test/chart/malloc-tag/render-malloc-tag-svg.test.ts > TAP > icicle of pipeline_stats.json, split and merged: snapshots > split 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>malloc-tag scopes</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="icicle">
<g class="scope">
<title>pipeline
bytes allocated (scope and below): 123,752 B (0 % of all)
scope and below: allocated 123,752 B, freed 17,208 B
scope itself: allocated 0 B, freed 0 B; 0 calls</title>
<rect x="14" y="56" width="5" height="23" fill="#fdece8" stroke="#ffffff" stroke-width="1">
</rect>
<text x="23" y="71" fill="#5b6470" font-size="10">pipeline · 121 KiB · 0 %</text>
</g>
<g class="scope">
<title>pipeline › main
bytes allocated (scope and below): 123,752 B (0 % of all)
scope and below: allocated 123,752 B, freed 17,208 B
scope itself: allocated 1,832 B, freed 624 B; 17 calls</title>
<rect x="14" y="80" width="5" height="23" fill="#fce9e5" stroke="#ffffff" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>pipeline › main › parse
bytes allocated (scope and below): 121,920 B (0 % of all)
scope and below: allocated 121,920 B, freed 16,584 B
scope itself: allocated 121,920 B, freed 16,584 B; 510 calls</title>
<rect x="14" y="104" width="5" height="23" fill="#f4d1ce" stroke="#ffffff" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>worker/0
bytes allocated (scope and below): 12,823,096 B (41 % of all)
scope and below: allocated 12,823,096 B, freed 12,682,616 B
scope itself: allocated 0 B, freed 56 B; 0 calls</title>
<rect x="14" y="134" width="549" height="23" fill="#fdece8" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="149" fill="#1f2328" font-size="10">worker/0 · 12 MiB · 41 %</text>
</g>
<g class="scope">
<title>worker/0 › worker
bytes allocated (scope and below): 12,823,096 B (41 % of all)
scope and below: allocated 12,823,096 B, freed 12,682,560 B
scope itself: allocated 0 B, freed 9,910,064 B; 0 calls</title>
<rect x="14" y="158" width="549" height="23" fill="#fdece8" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="173" fill="#1f2328" font-size="10">worker · 12 MiB · 41 %</text>
</g>
<g class="scope">
<title>worker/0 › worker › parse
bytes allocated (scope and below): 5,070,112 B (16 % of all)
scope and below: allocated 5,070,112 B, freed 657,680 B
scope itself: allocated 5,070,112 B, freed 657,680 B; 20,120 calls</title>
<rect x="14" y="182" width="217" height="23" fill="#c33e3e" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="197" fill="#ffffff" font-size="10">parse · 5 MiB · 16 %</text>
</g>
<g class="scope">
<title>worker/0 › worker › index
bytes allocated (scope and below): 7,611,808 B (25 % of all)
scope and below: allocated 7,611,808 B, freed 2,114,176 B
scope itself: allocated 5,497,632 B, freed 0 B; 40,000 calls</title>
<rect x="231" y="182" width="326" height="23" fill="#c03737" stroke="#ffffff" stroke-width="1">
</rect>
<text x="235" y="197" fill="#ffffff" font-size="10">index · 7 MiB · 25 %</text>
</g>
<g class="scope">
<title>worker/0 › worker › cache
bytes allocated (scope and below): 141,176 B (0 % of all)
scope and below: allocated 141,176 B, freed 640 B
scope itself: allocated 141,176 B, freed 640 B; 507 calls</title>
<rect x="557" y="182" width="6" height="23" fill="#f3cfcc" stroke="#ffffff" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>worker/0 › worker › index › tokenize
bytes allocated (scope and below): 2,114,176 B (7 % of all)
scope and below: allocated 2,114,176 B, freed 2,114,176 B
scope itself: allocated 2,114,176 B, freed 2,114,176 B; 20,120 calls</title>
<rect x="231" y="206" width="91" height="23" fill="#d77c7a" stroke="#ffffff" stroke-width="1">
</rect>
<text x="235" y="221" fill="#1f2328" font-size="10">tokenize</text>
</g>
<g class="scope">
<title>worker/1
bytes allocated (scope and below): 18,038,376 B (58 % of all)
scope and below: allocated 18,038,376 B, freed 17,742,544 B
scope itself: allocated 0 B, freed 40 B; 0 calls</title>
<rect x="14" y="236" width="772" height="23" fill="#fdece8" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="251" fill="#1f2328" font-size="10">worker/1 · 17 MiB · 58 %</text>
</g>
<g class="scope">
<title>worker/1 › worker
bytes allocated (scope and below): 18,038,376 B (58 % of all)
scope and below: allocated 18,038,376 B, freed 17,742,504 B
scope itself: allocated 0 B, freed 12,783,656 B; 0 calls</title>
<rect x="14" y="260" width="772" height="23" fill="#fdece8" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="275" fill="#1f2328" font-size="10">worker · 17 MiB · 58 %</text>
</g>
<g class="scope">
<title>worker/1 › worker › parse
bytes allocated (scope and below): 7,274,856 B (23 % of all)
scope and below: allocated 7,274,856 B, freed 1,313,280 B
scope itself: allocated 7,274,856 B, freed 1,313,280 B; 25,130 calls</title>
<rect x="14" y="284" width="311" height="23" fill="#b71c1c" stroke="#ffffff" stroke-width="1">
</rect>
<text x="18" y="299" fill="#ffffff" font-size="10">parse · 7 MiB · 23 %</text>
</g>
<g class="scope">
<title>worker/1 › worker › index
bytes allocated (scope and below): 10,451,656 B (34 % of all)
scope and below: allocated 10,451,656 B, freed 3,629,576 B
scope itself: allocated 6,822,080 B, freed 0 B; 50,000 calls</title>
<rect x="325" y="284" width="447" height="23" fill="#b92322" stroke="#ffffff" stroke-width="1">
</rect>
<text x="329" y="299" fill="#ffffff" font-size="10">index · 10 MiB · 34 %</text>
</g>
<g class="scope">
<title>worker/1 › worker › cache
bytes allocated (scope and below): 311,864 B (1 % of all)
scope and below: allocated 311,864 B, freed 15,992 B
scope itself: allocated 311,864 B, freed 15,992 B; 1,005 calls</title>
<rect x="773" y="284" width="13" height="23" fill="#efc1be" stroke="#ffffff" stroke-width="1">
</rect>
</g>
<g class="scope">
<title>worker/1 › worker › index › tokenize
bytes allocated (scope and below): 3,629,576 B (12 % of all)
scope and below: allocated 3,629,576 B, freed 3,629,576 B
scope itself: allocated 3,629,576 B, freed 3,629,576 B; 25,130 calls</title>
<rect x="325" y="308" width="155" height="23" fill="#cc5958" stroke="#ffffff" stroke-width="1">
</rect>
<text x="329" y="323" fill="#ffffff" font-size="10">tokenize · 3 MiB · 12 %</text>
</g>
</g>
<text x="14" y="26" font-size="12" fill="#5b6470" class="caption">pid 20629, 2026-12-02 @ 04:16:53 UTC · width: bytes allocated (scope and below) · colour: the scope's own share (deepest</text>
<text x="14" y="42" font-size="12" fill="#5b6470" class="caption">red 23 % of all)</text>
</svg>
`

exports[`test/chart/malloc-tag/render-malloc-tag-svg.test.ts > TAP > timeline of the three pipeline.snap files > timeline 1`] = `
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600" font-family="'DejaVu Sans', Verdana, sans-serif">
<title>malloc-tag scopes over time</title>
<rect width="800" height="600" fill="#ffffff">
</rect>
<g class="grid">
<path d="M93,551h675M93,510h675M93,469h675M93,427h675M93,386h675M93,304h675M93,263h675M93,221h675M93,180h675M93,139h675" stroke="#e6e8eb" stroke-width="1" fill="none">
</path>
<path d="M93,345h675" stroke="#8c959f" stroke-width="1" fill="none" class="zero-line">
</path>
</g>
<g class="scope-areas">
<g class="scope-area">
<title>worker/1 › worker › index
2026-12-02 @ 04:16:51 UTC: 682,208 B
2026-12-02 @ 04:16:52 UTC: 2,728,832 B
2026-12-02 @ 04:16:53 UTC: 6,822,080 B</title>
<path d="M93,339L431,323L768,290L768,344L431,344L93,344Z" fill="#2e9e5b" fill-opacity="1" stroke="#ffffff" stroke-width="1">
</path>
</g>
<g class="scope-area">
<title>worker/1 › worker › parse
2026-12-02 @ 04:16:51 UTC: 599,776 B
2026-12-02 @ 04:16:52 UTC: 2,387,032 B
2026-12-02 @ 04:16:53 UTC: 5,961,576 B</title>
<path d="M93,334L431,304L768,244L768,290L431,323L93,339Z" fill="#c2417a" fill-opacity="1" stroke="#ffffff" stroke-width="1">
</path>
</g>
<g class="scope-area">
<title>other scopes
2026-12-02 @ 04:16:51 UTC: 1,141,776 B
2026-12-02 @ 04:16:52 UTC: 4,246,920 B
2026-12-02 @ 04:16:53 UTC: 10,453,064 B</title>
<path d="M93,325L431,270L768,161L768,244L431,304L93,334Z" fill="#9aa3ae" fill-opacity="1" stroke="#ffffff" stroke-width="1">
</path>
</g>
<g class="scope-area">
<title>worker/1 › worker
2026-12-02 @ 04:16:51 UTC: 0 B
2026-12-02 @ 04:16:52 UTC: −3,837,888 B
2026-12-02 @ 04:16:53 UTC: −12,783,656 B</title>
<path d="M93,344L431,374L768,445L768,344L431,344L93,344Z" fill="#2f6fde" fill-opacity="1" stroke="#ffffff" stroke-width="1">
</path>
</g>
<g class="scope-area">
<title>worker/0 › worker
2026-12-02 @ 04:16:51 UTC: 0 B
2026-12-02 @ 04:16:52 UTC: −2,973,016 B
2026-12-02 @ 04:16:53 UTC: −9,910,064 B</title>
<path d="M93,344L431,398L768,522L768,445L431,374L93,344Z" fill="#e8833a" fill-opacity="1" stroke="#ffffff" stroke-width="1">
</path>
</g>
<g class="scope-sum">
<title>net bytes of all scopes
2026-12-02 @ 04:16:51 UTC: 2,423,760 B
2026-12-02 @ 04:16:52 UTC: 2,551,880 B
2026-12-02 @ 04:16:53 UTC: 543,000 B</title>
<path d="M93,325L431,324L768,340" fill="none" stroke="#1f2328" stroke-width="2">
</path>
</g>
</g>
<path d="M93,138V550M431,138V550M768,138V550" stroke="#b6bcc4" stroke-width="1" stroke-dasharray="2 3" fill="none">
</path>
<g class="axis-left">
<path d="M93,550h-4M93,509h-4M93,468h-4M93,426h-4M93,385h-4M93,344h-4M93,303h-4M93,262h-4M93,220h-4M93,179h-4M93,138h-4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12" text-anchor="end">
<text x="86" y="554">−25 MiB</text>
<text x="86" y="513">−20 MiB</text>
<text x="86" y="472">−15 MiB</text>
<text x="86" y="431">−10 MiB</text>
<text x="86" y="389">−5 MiB</text>
<text x="86" y="348">0</text>
<text x="86" y="307">5 MiB</text>
<text x="86" y="266">10 MiB</text>
<text x="86" y="225">15 MiB</text>
<text x="86" y="183">20 MiB</text>
<text x="86" y="142">25 MiB</text>
</g>
<text transform="translate(21,344) rotate(-90)" text-anchor="middle" font-size="12" fill="#1f2328">bytes</text>
</g>
<g class="axis-bottom">
<path d="M93,550H768M93,550v4M161,550v4M228,550v4M296,550v4M363,550v4M431,550v4M498,550v4M566,550v4M633,550v4M701,550v4M768,550v4" stroke="#b6bcc4" stroke-width="1" fill="none">
</path>
<g fill="#5b6470" font-size="12">
<text x="93" y="567" text-anchor="middle">0</text>
<text x="161" y="567" text-anchor="middle">0 s</text>
<text x="228" y="567" text-anchor="middle">0 s</text>
<text x="296" y="567" text-anchor="middle">1 s</text>
<text x="363" y="567" text-anchor="middle">1 s</text>
<text x="431" y="567" text-anchor="middle">1 s</text>
<text x="498" y="567" text-anchor="middle">1 s</text>
<text x="566" y="567" text-anchor="middle">1 s</text>
<text x="633" y="567" text-anchor="middle">2 s</text>
<text x="701" y="567" text-anchor="middle">2 s</text>
<text x="768" y="567" text-anchor="middle">2 s</text>
</g>
<text x="431" y="586" text-anchor="middle" font-size="12" fill="#1f2328">time since the first snapshot</text>
</g>
<g class="legend" font-size="12" fill="#5b6470">
<path d="M14,107h19" stroke="#1f2328" stroke-width="3" fill="none">
</path>
<text x="38" y="111">net bytes of all scopes</text>
<rect x="190" y="104" width="10" height="6" fill="#2f6fde">
</rect>
<rect x="199" y="104" width="10" height="6" fill="#2f6fde">
</rect>
<text x="214" y="111">worker/1 › worker</text>
<rect x="344" y="104" width="10" height="6" fill="#e8833a">
</rect>
<rect x="354" y="104" width="10" height="6" fill="#e8833a">
</rect>
<text x="368" y="111">worker/0 › worker</text>
<rect x="499" y="104" width="10" height="6" fill="#2e9e5b">
</rect>
<rect x="508" y="104" width="10" height="6" fill="#2e9e5b">
</rect>
<text x="523" y="111">worker/1 › worker › index</text>
<rect x="14" y="120" width="10" height="6" fill="#c2417a">
</rect>
<rect x="24" y="120" width="10" height="6" fill="#c2417a">
</rect>
<text x="38" y="127">worker/1 › worker › parse</text>
<rect x="222" y="120" width="10" height="6" fill="#9aa3ae">
</rect>
<rect x="231" y="120" width="10" height="6" fill="#9aa3ae">
</rect>
<text x="246" y="127">other scopes</text>
</g>
<text x="14" y="26" font-size="12" fill="#5b6470" class="caption">pid 20629, 3 snapshots from 2026-12-02 @ 04:16:51 UTC to 2026-12-02 @ 04:16:53 UTC · stacked: each scope's own net</text>
<text x="14" y="42" font-size="12" fill="#5b6470" class="caption">bytes (allocated − freed), top 4</text>
<g class="notes">
<rect x="14" y="51" width="772" height="37" rx="3" fill="#fff4e0">
</rect>
<g fill="#8a4b00" font-size="12">
<text x="20" y="66">⚠ malloc-tag counts a free in the scope where it happens: scopes that freed more than they allocated stack below 0; the line</text>
<text x="20" y="82">   is the sum</text>
</g>
</g>
</svg>
`

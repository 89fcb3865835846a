/**
 * GET / for browsers: choose or drop a .mem (or .mem.gz) file, set the chart options, upload it
 * to POST /profiles with a progress bar, then go to the profile's page (web/upload.js).
 */
import { pageDocument } from './html.js';
import { optionsFieldset } from './options-form.js';

export function indexPage(): string {
  return pageDocument({
    title: 'memplot: upload a memusage file',
    modules: ['upload.js'],
    main: `<h1>Chart a memusage recording</h1>
<p>Record a program with <code>memusage --data=run.mem ./program</code>, then upload <code>run.mem</code>
(or <code>run.mem.gz</code>; up to the server's size limit, 1 GB and more stream fine).</p>
<form id="upload" method="post" action="/profiles" enctype="multipart/form-data">
<div class="drop" id="drop">
<label for="file">Choose a <code>.mem</code> file or drop it here</label>
<input id="file" name="file" type="file" accept=".mem,.gz,application/gzip,application/octet-stream" required>
<p id="chosen" class="muted" aria-live="polite"></p>
</div>
<details><summary>Chart options</summary>
${optionsFieldset()}
</details>
<p><button type="submit" id="send">Upload and chart</button></p>
<div id="progress-box" hidden>
<label for="progress">Uploading</label> <progress id="progress" max="1" value="0"></progress> <span id="progress-text" aria-live="polite"></span>
</div>
<div id="error" class="error" role="alert" hidden></div>
</form>
<section aria-labelledby="open-title"><h2 id="open-title">Open a stored profile</h2>
<form id="open" method="get" action="/profiles/">
<label for="open-id">Profile id (the file's sha256)</label>
<input id="open-id" name="id" type="text" pattern="[0-9a-f]{64}" size="66" spellcheck="false" required>
<button type="submit">Open</button>
</form></section>`,
  });
}

// @ts-check
/**
 * The upload page: choose or drop a .mem file, send it with the chart options as a multipart
 * POST /profiles (XMLHttpRequest, for its upload progress events), then open the profile's page.
 * The server's errors are shown in its words ({error, message, hint}).
 */
import { formatBytes } from './format.js';
import { serverError } from './series-client.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('upload'));
const fileInput = /** @type {HTMLInputElement} */ (document.getElementById('file'));
const drop = /** @type {HTMLElement} */ (document.getElementById('drop'));
const chosen = /** @type {HTMLElement} */ (document.getElementById('chosen'));
const progressBox = /** @type {HTMLElement} */ (document.getElementById('progress-box'));
const progress = /** @type {HTMLProgressElement} */ (document.getElementById('progress'));
const progressText = /** @type {HTMLElement} */ (document.getElementById('progress-text'));
const errorBox = /** @type {HTMLElement} */ (document.getElementById('error'));
const send = /** @type {HTMLButtonElement} */ (document.getElementById('send'));

function showChosen() {
  const file = fileInput.files?.[0];
  chosen.textContent = file ? `${file.name}, ${formatBytes(file.size)}` : '';
}

/** @param {string | null} message */
function showError(message) {
  errorBox.hidden = message === null;
  errorBox.textContent = message ?? '';
}

fileInput.addEventListener('change', showChosen);
for (const type of ['dragenter', 'dragover']) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const files = /** @type {DragEvent} */ (event).dataTransfer?.files;
  if (files && files.length > 0) {
    fileInput.files = files;
    showChosen();
  }
});

/** The options the user set (empty fields left out: the server's defaults), lists comma-joined, then the file. */
function formData() {
  const data = new FormData();
  /** @type {Map<string, string[]>} */
  const values = new Map();
  for (const element of form.querySelectorAll('fieldset.options input, fieldset.options select')) {
    const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (element);
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      if (!values.has(control.name)) values.set(control.name, []);
      if (control.checked) values.get(control.name)?.push(control.value);
      continue;
    }
    if (control.value !== '' && !(control instanceof HTMLSelectElement && control.selectedOptions[0]?.defaultSelected)) values.set(control.name, [control.value]);
  }
  for (const [name, list] of values) if (list.length > 0) data.append(name, list.join(','));
  const file = /** @type {File} */ (fileInput.files?.[0]);
  data.append('file', file, file.name);
  return data;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  showError(null);
  const file = fileInput.files?.[0];
  if (!file) {
    showError('Choose a .mem file first.');
    return;
  }
  const request = new XMLHttpRequest();
  request.open('POST', '/profiles');
  request.setRequestHeader('accept', 'application/json');
  progressBox.hidden = false;
  progress.value = 0;
  send.disabled = true;
  request.upload.addEventListener('progress', (progressEvent) => {
    const total = progressEvent.lengthComputable ? progressEvent.total : file.size;
    progress.value = total > 0 ? progressEvent.loaded / total : 0;
    progressText.textContent = `${formatBytes(progressEvent.loaded)} of ${formatBytes(total)} (${Math.floor(progress.value * 100)} %)`;
  });
  request.upload.addEventListener('load', () => {
    progress.removeAttribute('value');
    progressText.textContent = 'Uploaded; the server is reading the last records…';
  });
  request.addEventListener('load', () => {
    send.disabled = false;
    if (request.status === 200 || request.status === 201) {
      const body = JSON.parse(request.responseText);
      const query = new URL(body.urls.png).search;
      progressText.textContent = 'Done: opening the profile…';
      location.assign(`/profiles/${body.id}${query}`);
      return;
    }
    progressBox.hidden = true;
    const error = serverError(request.status, request.responseText);
    showError(`The server refused the file: ${error.message} [${error.code}, HTTP ${request.status}]`);
  });
  request.addEventListener('error', () => {
    send.disabled = false;
    progressBox.hidden = true;
    showError('The connection was closed before the server answered: the file may exceed the server\'s size limit, or the network failed.');
  });
  request.send(formData());
});

const openForm = /** @type {HTMLFormElement} */ (document.getElementById('open'));
openForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = String(new FormData(openForm).get('id') ?? '').trim().toLowerCase();
  location.assign(`/profiles/${encodeURIComponent(id)}`);
});

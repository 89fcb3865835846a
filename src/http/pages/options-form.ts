/**
 * The chart options as form controls, written from PLOT_OPTION_DEFINITIONS (names, ranges,
 * defaults, descriptions): the upload page offers exactly what the API accepts.
 */
import { optionValueText, PLOT_OPTION_DEFINITIONS, type OptionDefinition } from '../../options/plot-options.js';
import { escapeHtml } from './html.js';

/** The format is the download's choice, not the profile's. */
const FORM_OPTIONS = PLOT_OPTION_DEFINITIONS.filter((definition) => definition.name !== 'format');

function control(definition: OptionDefinition): string {
  const { name, type, description } = definition;
  const id = `option-${name}`;
  const defaultText = optionValueText(definition.default);
  const label = `<label for="${id}">${escapeHtml(name.replace(/_/g, ' '))}</label>`;
  const help = `<small id="${id}-help">${escapeHtml(description)}</small>`;
  const described = `aria-describedby="${id}-help"`;
  switch (type.kind) {
    case 'integer':
    case 'number':
      return `${label}<input id="${id}" name="${name}" type="number" min="${type.min}" max="${type.max}" step="${type.kind === 'integer' ? 1 : 'any'}" placeholder="${escapeHtml(defaultText)}" ${described}>${help}`;
    case 'string':
      return `${label}<input id="${id}" name="${name}" type="text" maxlength="${type.maxLength}" ${described}>${help}`;
    case 'boolean':
      return `${label}<span><input id="${id}" name="${name}" type="checkbox" value="true"${definition.default === true ? ' checked' : ''} ${described}></span>${help}`;
    case 'enum':
      return `${label}<select id="${id}" name="${name}" ${described}>${type.values
        .map((value) => `<option${value === defaultText ? ' selected' : ''}>${escapeHtml(value)}</option>`)
        .join('')}</select>${help}`;
    case 'list':
      return `<span id="${id}-label">${escapeHtml(name)}</span><span role="group" aria-labelledby="${id}-label" ${described}>${type.values
        .map((value) => `<span class="check"><input id="${id}-${value}" name="${name}" type="checkbox" value="${escapeHtml(value)}"><label for="${id}-${value}">${escapeHtml(value)}</label></span>`)
        .join(' ')}</span>${help}`;
  }
}

/** One row per option. */
export function optionsFieldset(): string {
  return `<fieldset class="options"><legend>Chart options</legend>
${FORM_OPTIONS.map((definition) => `<div class="option">${control(definition)}</div>`).join('\n')}
</fieldset>`;
}

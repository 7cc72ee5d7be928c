// Behaviour every page may use, declared in the markup (the Content-Security-Policy allows no inline script):
// data-print prints the page; data-submit-on-change sends the field's form when its value changes; an error summary
// takes the focus when the page opens, so that a screen reader reads it and Tab reaches its links first; data-shows-fields
// on a select shows only the fields of the chosen value.
(() => {
  'use strict';
  document.addEventListener('click', (event) => {
    if (event.target.closest('[data-print]')) window.print();
  });
  document.addEventListener('change', (event) => {
    const field = event.target.closest('[data-submit-on-change]');
    if (field && field.form) field.form.submit();
  });
  document.querySelector('[data-error-summary]')?.focus();
  // A select with data-shows-fields shows, in its form, only the fields whose data-for names the chosen value.
  document.querySelectorAll('select[data-shows-fields]').forEach((select) => {
    const show = () => select.form.querySelectorAll('[data-for]').forEach((field) => {
      field.hidden = !field.dataset.for.split(' ').includes(select.value);
    });
    select.addEventListener('change', show);
    show();
  });
})();

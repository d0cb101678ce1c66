// Progressive enhancement only: every page works without this script.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener('change', (event) => {
  if (event.target.matches('select[data-submit-on-change]')) {
    event.target.form.requestSubmit();
  }
});

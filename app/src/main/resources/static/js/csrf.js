// htmx requests that change something (POST, PUT, PATCH, DELETE) carry the CSRF token of the page,
// published in <meta name="csrf-token"> for signed-in people (Spring Security reads the X-CSRF-TOKEN header).
document.addEventListener('htmx:configRequest', function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && event.detail.verb !== 'get') {
    event.detail.headers['X-CSRF-TOKEN'] = meta.getAttribute('content');
  }
});

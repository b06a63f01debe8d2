// Sends the CSRF token with every htmx request, so htmx forms and buttons pass Spring Security's check.
document.body.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Shows problem-detail messages from the server instead of failing silently.
document.body.addEventListener('htmx:responseError', function (event) {
  var xhr = event.detail.xhr;
  var message = xhr.status + '';
  try {
    var body = JSON.parse(xhr.responseText);
    message = body.detail || message;
    if (body.errors) { message += '：' + body.errors.map(function (e) { return e.message; }).join('；'); }
  } catch (ignored) { /* not JSON */ }
  var box = document.getElementById('ls-toast-area');
  if (!box) {
    box = document.createElement('div');
    box.id = 'ls-toast-area';
    box.className = 'position-fixed bottom-0 end-0 p-3';
    box.style.zIndex = 1080;
    document.body.appendChild(box);
  }
  var alert = document.createElement('div');
  alert.className = 'alert alert-danger shadow-sm';
  alert.setAttribute('role', 'alert');
  alert.textContent = message;
  box.appendChild(alert);
  setTimeout(function () { alert.remove(); }, 8000);
});

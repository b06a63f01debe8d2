// Speech review: counts ticked items, ticks a whole outline group, and shows where an item stands in the text.
(function () {
  const form = document.getElementById('register-form');
  const reading = document.getElementById('speech-form');
  if (reading) {
    reading.addEventListener('submit', function () {
      document.getElementById('speech-busy').classList.remove('d-none');
      document.getElementById('read-speech').disabled = true;
    });
  }
  if (!form) {
    return;
  }
  const count = document.getElementById('selected-count');
  function recount() {
    count.textContent = form.querySelectorAll('.item-check:checked').length;
  }
  form.addEventListener('change', function (e) {
    if (e.target.classList.contains('group-toggle')) {
      form.querySelectorAll('.item-check[data-group="' + e.target.dataset.group + '"]')
        .forEach(function (box) { box.checked = e.target.checked; });
    }
    recount();
  });
  function flash(element) {
    element.classList.add('flash');
    setTimeout(function () { element.classList.remove('flash'); }, 1600);
  }
  form.addEventListener('click', function (e) {
    const link = e.target.closest('.source-link');
    if (link) {
      e.preventDefault();
      const source = document.getElementById('src-' + link.dataset.anchor);
      if (source) {
        source.scrollIntoView({block: 'center', behavior: 'smooth'});
        flash(source);
      }
      return;
    }
    const run = e.target.closest('#speech-text span[data-items]');
    if (run && run.dataset.items) {
      const first = run.dataset.items.split(' ')[0];
      const item = form.querySelector('.item[data-anchor="' + first + '"]');
      if (item) {
        const pane = item.closest('.tab-pane');
        const tab = document.querySelector('[data-bs-target="#' + pane.id + '"]');
        if (tab && window.bootstrap) { bootstrap.Tab.getOrCreateInstance(tab).show(); }
        item.scrollIntoView({block: 'center', behavior: 'smooth'});
        flash(item);
      }
    }
  });
  recount();
})();

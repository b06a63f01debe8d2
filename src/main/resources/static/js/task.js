// Task board: "select all" ticks every task on the page for the bulk actions.
(function () {
  var all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', function () {
      document.querySelectorAll('.task-check').forEach(function (box) { box.checked = all.checked; });
    });
  }
})();

"use strict";
(function () {
  var form = document.getElementById("view");
  if (!form) { return; }
  form.querySelectorAll("select, input[type=checkbox]").forEach(function (element) {
    element.addEventListener("change", function () {
      if (element.id === "indicator") {
        ["year", "kind"].forEach(function (id) { var other = document.getElementById(id); if (other) { other.value = ""; } });
      }
      form.submit();
    });
  });
  var input = document.getElementById("add");
  var list = document.getElementById("municipality-names");
  var timer = null;
  input.addEventListener("input", function (event) {
    // A name picked from the list is added at once; a name being typed is not.
    if (!event.inputType || event.inputType === "insertReplacementText") {
      for (var i = 0; i < list.options.length; i++) {
        if (list.options[i].value === input.value) { form.submit(); return; }
      }
    }
    clearTimeout(timer);
    if (input.value.trim().length < 2) { return; }
    timer = setTimeout(function () {
      fetch((form.getAttribute("data-base") || "") + "/suggest?q=" + encodeURIComponent(input.value)).then(function (response) {
        return response.ok ? response.json() : [];
      }).then(function (names) {
        list.textContent = "";
        names.forEach(function (name) {
          var option = document.createElement("option");
          option.value = name;
          list.appendChild(option);
        });
      }).catch(function () {});
    }, 120);
  });
})();

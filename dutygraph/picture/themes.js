// The theme view: each bearer's duties by theme, a cell per theme as wide as its passages
// (as theme_scene.py draws it), and on a click the cell's passages in the side panel. It comes
// before page.js in the page's one script element; page.js hands it what the two share.
var dutygraphThemes = function (page) {
  "use strict";
  var data = page.data, state = page.state, dutyById = page.dutyById;
  var make = page.make, labelOf = page.labelOf, clearPanel = page.clearPanel;
  var CELL_CONTENT = 940, CELL_MIN = 120, CELL_UNIT = 80;

  function shownPassages(cell) {
    return cell.passages.filter(function (p) {
      return p.statements.some(function (id) { return state.kinds[dutyById[id].kind]; });
    });
  }

  function passageText(passage) {
    return passage.statements.map(function (id) {
      return dutyById[id].action + " " + dutyById[id].quote;
    }).join(" ");
  }

  function render() {
    var box = document.getElementById("themes"), shown = 0;
    while (box.firstChild) { box.removeChild(box.firstChild); }
    data.themeSections.forEach(function (section) {
      if (state.bearer && section.bearer !== state.bearer) { return; }
      var cells = section.cells.map(function (c) { return {cell: c, passages: shownPassages(c)}; })
        .filter(function (c) { return c.passages.length; });
      if (!cells.length) { return; }
      var counts = cells.map(function (c) { return c.passages.length; });
      var total = counts.reduce(function (a, b) { return a + b; }, 0);
      var unit = Math.min(CELL_UNIT, CELL_CONTENT / Math.max.apply(null, counts));
      var block = make("section", {"class": "theme-section", "data-bearer": section.bearer});
      block.appendChild(make("h2", {}, labelOf(section.bearer) + " \u00b7 " + passages(total)));
      var grid = make("div", {"class": "theme-grid"});
      cells.forEach(function (c) {
        var n = c.passages.length;
        var cell = make("button", {type: "button", "data-theme": c.cell.theme, "data-count": n,
                                   "class": "theme-cell" + (c.cell.theme ? "" : " no-theme")});
        cell.style.width = Math.max(CELL_MIN, unit * n) + "px";
        cell.title = c.cell.label;
        cell.searchText = (c.cell.label + " " + c.passages.map(passageText).join(" "))
          .toLowerCase();
        cell.appendChild(make("span", {"class": "theme-label"}, c.cell.label));
        cell.appendChild(make("span", {"class": "theme-count"}, passages(n)));
        cell.addEventListener("click", function () {
          document.querySelectorAll("#themes .theme-cell.selected").forEach(function (other) {
            other.classList.remove("selected");
          });
          cell.classList.add("selected");
          showCell(section.bearer, c.cell, c.passages);
        });
        grid.appendChild(cell);
      });
      block.appendChild(grid);
      box.appendChild(block);
      shown += 1;
    });
    if (!shown) { box.appendChild(make("p", {}, "No duty matches these filters.")); }
  }

  function passages(n) { return n + (n === 1 ? " passage" : " passages"); }

  function showCell(bearer, cell, shown) {
    var panel = clearPanel();
    panel.appendChild(make("h2", {id: "cell-title"}, cell.label + " \u00b7 " + labelOf(bearer)));
    panel.appendChild(make("p", {"class": "hint"}, passages(shown.length)));
    var list = make("ol", {id: "passages"});
    shown.forEach(function (passage) {
      var first = dutyById[passage.statements[0]], item = make("li", {"class": "passage"});
      item.appendChild(make("blockquote", {"class": "quote"}, first.quote));
      item.appendChild(make("p", {"class": "offsets"}, first.source +
                            (first.page ? ", p. " + first.page : "") + ", code points " +
                            first.begin + "\u2013" + first.end));
      passage.statements.forEach(function (id) {
        var duty = dutyById[id];
        item.appendChild(make("p", {"class": "statement", "data-id": id},
                              duty.type + " \u00b7 " + duty.kind + ": " + id));
      });
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function highlight(query) {
    document.querySelectorAll("#themes .theme-cell").forEach(function (cell) {
      var hit = query !== "" && cell.searchText.indexOf(query) >= 0;
      cell.classList.toggle("match", hit);
      cell.classList.toggle("dim", query !== "" && !hit);
    });
  }

  return {render: render, highlight: highlight};
};

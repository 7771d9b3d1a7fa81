// Run in the report page by scripts/check-report-layout: lists every element that reaches past the text width of an
// A4 page and every pair of chart labels that overlap, into <pre id="layout-problems"> as JSON.
window.addEventListener('load', () => {
  const problems = [];
  const limit = document.body.getBoundingClientRect().right + 1;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > limit && getComputedStyle(el).position !== 'fixed') {
      problems.push('wider than the page: <' + el.tagName.toLowerCase() + '> ' + (el.textContent || '').trim().slice(0, 60) + ' (right ' + Math.round(r.right) + ' > ' + Math.round(limit) + ')');
      if (problems.length > 20) break;
    }
  }
  for (const svg of document.querySelectorAll('svg')) {
    const texts = Array.from(svg.querySelectorAll('text')).map(t => ({t, b: t.getBoundingClientRect()})).filter(x => x.b.width > 0);
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].b, b = texts[j].b;
      const ox = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const oy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (ox > 1.5 && oy > 1.5) problems.push('overlapping labels in "' + (svg.querySelector('title') || {}).textContent + '": "' + texts[i].t.textContent + '" and "' + texts[j].t.textContent + '"');
    }
  }
  const out = document.createElement('pre'); out.id = 'layout-problems'; out.textContent = JSON.stringify(problems);
  document.body.appendChild(out);
});

<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<h1>${heading}</h1>
<#-- Search with Pagefind's JS API (site.js); the choices come from the build, so the first search loads no filter chunks. -->
<form class="search" id="search" role="search">
  <input type="search" id="search-input" name="q" placeholder="Search models" aria-label="Search models" autocomplete="off">
  <label>Sort <select id="sort" name="sort"><#list sorts as s><option value="${s.value}">${s.label}</option></#list></select></label>
</form>
<form class="filters" id="filters">
<#list filterChoices as f>
  <label>${f.label} <select id="filter-${f.name}" name="${f.name}" data-field="${f.name}"><option value="">any</option><#list f.options as o><option value="${o.value}">${o.value} (${o.count})</option></#list></select></label>
</#list>
</form>
<p class="muted" id="shown"><span id="shown-count">${models?size}</span> of <span id="shown-of">${total}</span> shown</p>
<p class="note" id="search-note" hidden></p>
<section id="search-panel" hidden>
  <p id="result-count" aria-live="polite"></p>
  <div id="search-results"></div>
  <button type="button" id="more-results" hidden>More results</button>
</section>
<div id="catalog">
<@layout.modelTable models=models/>
<@layout.pager p=pager base=site.base/>
</div>
</@layout.page>

<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<h1>All models</h1>
<div id="search" class="search"></div>
<form class="filters" id="filters">
  <label>Task <select id="filter-task" data-field="task"><option value="">any</option></select></label>
  <label>License <select id="filter-license" data-field="license"><option value="">any</option></select></label>
  <label>Architecture <select id="filter-architecture" data-field="architecture"><option value="">any</option></select></label>
  <span id="shown-count">${models?size}</span> of ${models?size} shown
</form>
<@layout.modelTable models=models/>
</@layout.page>

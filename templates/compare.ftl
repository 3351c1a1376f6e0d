<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<h1>Compare models</h1>
<p>Choose models or their variants, or link here with <code>?m=publisher/model,publisher/model:Q4_K_M</code> (a variant as <code>slmhub pull</code> names it: a quantization or a file name).</p>
<form id="compare-form" class="filters">
  <select id="compare-pick" aria-label="Model to add"><option value="">add a model&hellip;</option></select>
  <button type="button" id="compare-clear">Clear</button>
</form>
<p class="muted" id="compare-missing" hidden></p>
<div id="compare-table" class="compare"><p class="muted">No models chosen yet.</p></div>
</@layout.page>

<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<section class="hero">
  <h1>Small language models, with proof</h1>
  <p>Every model here is one reviewed manifest: license, lineage, exact files with sizes and SHA-256, and a smoke test run by CI.</p>
  <ul class="counts" id="counts">
    <li><strong id="count-models">${modelCount}</strong> models</li>
    <li><strong>${publisherCount}</strong> publishers</li>
    <li><strong>${artifactCount}</strong> files</li>
    <li><strong>${licenseCount}</strong> licenses</li>
  </ul>
  <p><a class="button" href="${site.base}models/">Browse and search all models</a> <a class="button" href="${site.base}compare/">Compare</a></p>
</section>
<section class="quick" id="quick-filters">
  <h2>Quick filters</h2>
  <p>By task:<#list tasks as t> <a class="chip" href="${site.base}${t.path}">${t.name} (${t.count})</a></#list></p>
  <p>By license:<#list licenses as l> <a class="chip" href="${site.base}${l.path}">${l.name} (${l.count})</a></#list></p>
</section>
<section id="newest">
  <h2>Newest models</h2>
  <@layout.modelTable models=newest/>
</section>
</@layout.page>

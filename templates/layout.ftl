<#ftl output_format="HTML">
<#-- The one layout: JBake's page.ftl (content/) and the generator's model templates both import it. -->
<#macro page title base>
<!DOCTYPE html>
<html lang="en" data-base="${base}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- Only the site's own scripts, styles and data; WebAssembly for Pagefind. Cards are sanitized too: this is the second wall. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'">
<#-- entities, not the characters: a page of ASCII is encoded to UTF-8 by a plain copy -->
<title>${title} &middot; slmhub</title>
<link rel="stylesheet" href="${base}site.css">
<link rel="alternate" type="application/atom+xml" href="${base}feed.xml" title="slmhub: new and updated models">
</head>
<body>
<header class="top">
  <a class="brand" href="${base}">slmhub</a>
  <nav id="nav">
    <a href="${base}models/">Models</a>
    <a href="${base}tasks/">Tasks</a>
    <a href="${base}licenses/">Licenses</a>
    <a href="${base}architectures/">Architectures</a>
    <a href="${base}publishers/">Publishers</a>
    <a href="${base}compare/">Compare</a>
    <a href="${base}docs/rules.html">Rules</a>
    <a href="${base}docs/contributing.html">Contribute</a>
    <a href="${base}about.html">About</a>
  </nav>
</header>
<main id="main">
<#nested>
</main>
<footer class="bottom">
  slmhub: small language models kept as data in Git.
  <a href="${base}api/models.json">API</a> &middot; <a href="${base}schema/model.schema.json">Schema</a> &middot; <a href="${base}feed.xml">Feed</a>
</footer>
<script src="${base}site.js"></script>
</body>
</html>
</#macro>

<#-- A table of models; rows carry their search filters as data-* attributes (several values joined
     by |), so site.js can filter a page's rows where the site was built without search. -->
<#macro modelTable models>
<table class="models" id="model-table">
<thead><tr><th>Model</th><th>Params</th><th>Context</th><th>Task</th><th>License</th><th>Architecture</th><th>Smallest file</th></tr></thead>
<tbody>
<#list models as m>
<tr class="model-row" data-id="${m.id}"<#list m.filters as name, values> data-${name}="${values?join("|")}"</#list>>
  <td><a class="model-link" href="${m.url}">${m.name}</a> <span class="muted">${m.id}</span><div class="summary">${m.summary}</div></td>
  <td data-sort="${m.paramsSort}">${m.params}</td><td>${m.context}</td><td>${m.task}</td><td>${m.license}</td><td>${m.architecture}</td><td>${m.size}</td>
</tr>
</#list>
</tbody>
</table>
</#macro>

<#-- Page n of m of a paginated list, with links to its neighbours; absent when there is one page. -->
<#macro pager p base>
<#if p.count != "1">
<nav class="pager" id="pager" aria-label="Pages">
<#if p.prev?has_content><a class="pager-prev" rel="prev" href="${base}${p.prev}">&larr; Previous</a></#if>
<span class="pager-status">Page ${p.number} of ${p.count}</span>
<#if p.next?has_content><a class="pager-next" rel="next" href="${base}${p.next}">Next &rarr;</a></#if>
</nav>
</#if>
</#macro>

<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=name base=site.base>
<p class="crumbs"><a href="${site.base}publishers/${publisherPath}/">${publisher}</a></p>
<h1 id="model-name">${name}</h1>
<p class="muted" id="model-id">${id}</p>
<p class="summary" id="model-summary">${summary}</p>
<p><a class="button" href="${site.base}compare/?m=${id?url}">Compare</a><#if compareVariants?has_content> <a class="button" id="compare-variants" href="${site.base}compare/?m=${compareVariants}">Compare its ${variantCount} variants</a></#if> <a class="edit" id="edit-link" href="${editUrl}">Edit this model</a></p>

<section id="facts">
<h2>Facts</h2>
<table class="facts">
<tr><th>Parameters</th><td>${params} <span class="muted">(${parameters})</span></td></tr>
<tr><th>Context</th><td>${contextLength} tokens</td></tr>
<tr><th>Architecture</th><td><a href="${site.base}architectures/${architectureSlug}/">${architecture}</a></td></tr>
<tr><th>License</th><td><a href="${site.base}licenses/${licenseSlug}/">${license}</a><#if licenseLink?has_content> (<a href="${licenseLink}" rel="nofollow noopener">license text</a>)</#if></td></tr>
<tr><th>Task</th><td>${task}</td></tr>
<tr><th>Languages</th><td>${languages}</td></tr>
<#if embedding?has_content>
<tr><th>Embedding dimension</th><td id="embedding-dimension">${embedding.dimension}</td></tr>
<tr><th>Max sequence length</th><td>${embedding.maxSequenceLength} tokens</td></tr>
<tr><th>Pooling</th><td>${embedding.pooling}</td></tr>
</#if>
<#if tags?has_content><tr><th>Tags</th><td id="model-tags">${tags}</td></tr></#if>
</table>
</section>

<section id="artifacts">
<h2>Files</h2>
<table class="artifacts">
<thead><tr><th>Quantization</th><th>Format</th><th>Size</th><th>SHA-256</th><th></th></tr></thead>
<tbody>
<#list artifacts as a>
<tr class="artifact"><td>${a.quantization}</td><td>${a.format}</td><td title="${a.bytes} bytes">${a.size}</td><td><code class="sha256">${a.sha256}</code></td><td><a class="download" href="${a.url}" rel="nofollow noopener">${a.file}</a></td></tr>
</#list>
</tbody>
</table>
</section>

<section id="smoke">
<h2>Smoke test</h2>
<#if smoke?has_content>
<table class="facts">
<tr><th>Result</th><td><span class="status status-${smoke.status}" id="smoke-status">${smoke.status}</span> on ${smoke.date}<#if smoke.quantization?has_content> (${smoke.quantization})</#if></td></tr>
<#if smoke.speed?has_content><tr><th>Speed</th><td id="smoke-speed">${smoke.speed}</td></tr></#if>
<#if smoke.memory?has_content><tr><th>Peak memory</th><td>${smoke.memory}</td></tr></#if>
<#if smoke.dimension?? && smoke.dimension?has_content><tr><th>Dimension returned</th><td id="smoke-dimension">${smoke.dimension}</td></tr></#if>
</table>
<#if smoke.closer?? && smoke.closer?has_content>
<table class="closer" id="smoke-closer">
<thead><tr><th>Sentence</th><th>Nearer (cosine)</th><th>Farther (cosine)</th></tr></thead>
<tbody>
<#list smoke.closer as c><tr><td>${c.anchor}</td><td>${c.nearer} <span class="muted">(${c.nearerCosine})</span></td><td>${c.farther} <span class="muted">(${c.fartherCosine})</span></td></tr></#list>
</tbody>
</table>
</#if>
<#if smoke.text?has_content><pre class="output" id="smoke-text">${smoke.text}</pre></#if>
<#else>
<p class="muted" id="smoke-status">Not smoked yet.</p>
<p class="muted" id="smoke-how">Prove it on your machine with <code>slmhub smoke ${id}</code>; a site built with <code>--smoke-report</code> shows the result here.</p>
</#if>
</section>

<section id="run">
<h2>Run it</h2>
<#if runArtifact?has_content><p class="muted">With ${runArtifact}; other files: see above.</p></#if>
<#list snippets as s>
<h3>${s.tool}</h3>
<pre class="snippet" data-tool="${s.tool}"><code>${s.code}</code></pre>
</#list>
</section>

<section id="card">
<h2>Model card</h2>
<div class="card">${card.html?no_esc}</div>
</section>

<#if evaluations?has_content>
<section id="evaluations">
<h2>Evaluations</h2>
<table><thead><tr><th>Benchmark</th><th>Metric</th><th>Value</th><th>Source</th></tr></thead><tbody>
<#list evaluations as e><tr><td>${e.benchmark}</td><td>${e.metric}</td><td>${e.value}</td><td><#if e.source?has_content><a href="${e.source}" rel="nofollow noopener">source</a></#if></td></tr></#list>
</tbody></table>
</section>
</#if>

<section id="lineage">
<h2>Lineage</h2>
<#if bases?has_content>
<p>Based on: <#list bases as b><#if b.url?has_content><a class="base-model" href="${b.url}">${b.name}</a><#else><span class="base-model">${b.name}</span></#if><#sep>, </#list></p>
<#else><p class="muted">No base model declared.</p></#if>
<#if derivatives?has_content>
<p>Derived in this catalog: <#list derivatives as d><a class="derivative" href="${d.url}">${d.name}</a> <span class="muted">(${d.id})</span><#sep>, </#list></p>
</#if>
</section>

<section id="history">
<h2>History</h2>
<#if history?has_content>
<p>Added ${history.added}, last updated ${history.updated}; contributors: ${history.contributors}.</p>
<#else><p class="muted">Not in Git history yet.</p></#if>
</section>
</@layout.page>

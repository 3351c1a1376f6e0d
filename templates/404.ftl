<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<h1 id="not-found">Page not found</h1>
<p>Nothing lives at this address. Try <a href="${site.base}models/">all models</a> or the <a href="${site.base}">home page</a>.</p>
</@layout.page>

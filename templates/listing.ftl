<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<p class="crumbs"><a href="${site.base}${folder}/">${dimension}s</a></p>
<h1>${heading}</h1>
<@layout.modelTable models=models/>
<@layout.pager p=pager base=site.base/>
</@layout.page>

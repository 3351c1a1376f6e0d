<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<p class="crumbs"><a href="${site.base}${folder}/">${dimension}s</a></p>
<h1>${title}</h1>
<p>${models?size} model<#if models?size != 1>s</#if>.</p>
<@layout.modelTable models=models/>
</@layout.page>

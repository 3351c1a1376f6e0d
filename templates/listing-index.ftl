<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=title base=site.base>
<h1>${title}</h1>
<ul class="values" id="values">
<#list values as v>
  <li><a href="${site.base}${v.path}">${v.name}</a> <span class="muted">${v.count}</span></li>
</#list>
</ul>
</@layout.page>

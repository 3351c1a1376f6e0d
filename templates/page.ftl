<#ftl output_format="HTML">
<#-- JBake renders content/ (docs, about) through this template. The docs link to each other as
     .md files, which works on GitHub; on the site those links point at the baked .html pages. -->
<#import "layout.ftl" as layout>
<@layout.page title=(content.title!"slmhub") base=config.site_host>
<article class="doc" id="doc">
${content.body?replace('href="([^":#]+)\\.md([#"])', 'href="$1.html$2', 'r')?no_esc}
</article>
</@layout.page>

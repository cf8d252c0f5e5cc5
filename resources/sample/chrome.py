"""Page chrome for the sample crawl: navigation, banners, sidebars, footers and
comments around an article, in the page's language (or, as on real sites, in
English where a CMS default was never translated)."""

from __future__ import annotations

import html
import random

UI = {
    "swh_Latn": {
        "nav": ["Nyumbani", "Habari", "Siasa", "Uchumi", "Michezo", "Burudani", "Afya", "Elimu", "Wasiliana Nasi"],
        "cookie": "Tovuti hii inatumia vidakuzi ili kuboresha huduma zetu. Kwa kuendelea kuitumia, unakubali sera yetu ya faragha.",
        "accept": "Nakubali",
        "footer": ["Kuhusu Sisi", "Sera ya Faragha", "Vigezo na Masharti", "Tangaza Nasi"],
        "rights": "Haki zote zimehifadhiwa",
        "related": "Habari Zinazohusiana",
        "popular": "Zilizosomwa Zaidi",
        "comments": "Maoni ya Wasomaji",
        "comment_texts": ["Asante kwa taarifa hii nzuri.", "Hongereni sana kwa kazi nzuri!",
                          "Serikali iangalie jambo hili kwa makini.", "Tunaomba habari zaidi kuhusu hili.",
                          "Hii ni hatua nzuri, tuendelee hivyo.", "Mbona sisi wa vijijini hatupati huduma hii?"],
        "search": "Tafuta", "subscribe": "Jiunge na jarida letu upate habari kila siku",
    },
    "eng_Latn": {
        "nav": ["Home", "News", "Politics", "Business", "Sport", "Culture", "Health", "Contact"],
        "cookie": "We use cookies to improve your experience. By continuing to browse you agree to our privacy policy.",
        "accept": "Accept all",
        "footer": ["About us", "Privacy Policy", "Terms of Use", "Advertise"],
        "rights": "All rights reserved",
        "related": "Related stories", "popular": "Most read", "comments": "Comments",
        "comment_texts": ["Great article, thanks!", "I disagree with the conclusion.", "Very helpful, sharing this.",
                          "Does anyone know when this starts?"],
        "search": "Search", "subscribe": "Sign up for our daily newsletter",
    },
    "fra_Latn": {"nav": ["Accueil", "Actualités", "Économie", "Sport", "Culture", "Contact"],
                 "cookie": "Ce site utilise des cookies pour améliorer votre expérience.", "accept": "Accepter",
                 "footer": ["Mentions légales", "Confidentialité", "Publicité"], "rights": "Tous droits réservés",
                 "related": "À lire aussi", "popular": "Les plus lus", "comments": "Commentaires",
                 "comment_texts": ["Merci pour cet article.", "Enfin une bonne nouvelle !"],
                 "search": "Rechercher", "subscribe": "Abonnez-vous à notre lettre d'information"},
    "deu_Latn": {"nav": ["Startseite", "Nachrichten", "Wirtschaft", "Sport", "Kultur", "Kontakt"],
                 "cookie": "Diese Website verwendet Cookies, um Ihr Nutzererlebnis zu verbessern.", "accept": "Zustimmen",
                 "footer": ["Impressum", "Datenschutz", "Werbung"], "rights": "Alle Rechte vorbehalten",
                 "related": "Auch interessant", "popular": "Meistgelesen", "comments": "Kommentare",
                 "comment_texts": ["Danke für den Artikel.", "Das sehe ich anders."],
                 "search": "Suche", "subscribe": "Newsletter abonnieren"},
    "spa_Latn": {"nav": ["Inicio", "Noticias", "Economía", "Deportes", "Cultura", "Contacto"],
                 "cookie": "Este sitio utiliza cookies para mejorar su experiencia.", "accept": "Aceptar",
                 "footer": ["Aviso legal", "Privacidad", "Publicidad"], "rights": "Todos los derechos reservados",
                 "related": "Noticias relacionadas", "popular": "Lo más leído", "comments": "Comentarios",
                 "comment_texts": ["Gracias por la información.", "Muy buena noticia."],
                 "search": "Buscar", "subscribe": "Suscríbase a nuestro boletín"},
    "por_Latn": {"nav": ["Início", "Notícias", "Economia", "Desporto", "Cultura", "Contacto"],
                 "cookie": "Este site utiliza cookies para melhorar a sua experiência.", "accept": "Aceitar",
                 "footer": ["Sobre nós", "Privacidade", "Publicidade"], "rights": "Todos os direitos reservados",
                 "related": "Leia também", "popular": "Mais lidas", "comments": "Comentários",
                 "comment_texts": ["Obrigado pela informação.", "Excelente notícia."],
                 "search": "Pesquisar", "subscribe": "Assine a nossa newsletter"},
    "ind_Latn": {"nav": ["Beranda", "Berita", "Ekonomi", "Olahraga", "Budaya", "Kontak"],
                 "cookie": "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.", "accept": "Setuju",
                 "footer": ["Tentang Kami", "Kebijakan Privasi", "Iklan"], "rights": "Hak cipta dilindungi",
                 "related": "Berita Terkait", "popular": "Terpopuler", "comments": "Komentar",
                 "comment_texts": ["Terima kasih infonya.", "Semoga bermanfaat."],
                 "search": "Cari", "subscribe": "Berlangganan buletin kami"},
    "tur_Latn": {"nav": ["Anasayfa", "Haberler", "Ekonomi", "Spor", "Kültür", "İletişim"],
                 "cookie": "Bu site deneyiminizi iyileştirmek için çerezler kullanır.", "accept": "Kabul et",
                 "footer": ["Hakkımızda", "Gizlilik", "Reklam"], "rights": "Tüm hakları saklıdır",
                 "related": "İlgili Haberler", "popular": "En Çok Okunanlar", "comments": "Yorumlar",
                 "comment_texts": ["Bilgi için teşekkürler.", "Çok güzel bir haber."],
                 "search": "Ara", "subscribe": "Bültenimize abone olun"},
    "ita_Latn": {"nav": ["Home", "Cronaca", "Economia", "Sport", "Cultura", "Contatti"],
                 "cookie": "Questo sito utilizza cookie per migliorare la tua esperienza.", "accept": "Accetta",
                 "footer": ["Chi siamo", "Privacy", "Pubblicità"], "rights": "Tutti i diritti riservati",
                 "related": "Leggi anche", "popular": "I più letti", "comments": "Commenti",
                 "comment_texts": ["Grazie per l'articolo.", "Ottima notizia."],
                 "search": "Cerca", "subscribe": "Iscriviti alla newsletter"},
    "nld_Latn": {"nav": ["Home", "Nieuws", "Economie", "Sport", "Cultuur", "Contact"],
                 "cookie": "Deze website gebruikt cookies om uw ervaring te verbeteren.", "accept": "Accepteren",
                 "footer": ["Over ons", "Privacy", "Adverteren"], "rights": "Alle rechten voorbehouden",
                 "related": "Lees ook", "popular": "Meest gelezen", "comments": "Reacties",
                 "comment_texts": ["Bedankt voor het artikel.", "Goed nieuws."],
                 "search": "Zoeken", "subscribe": "Schrijf je in voor de nieuwsbrief"},
}

_LAYOUTS = ("article", "post", "entry")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def _nav(ui: dict, domain: str) -> str:
    links = "".join(f'<li><a href="https://{domain}/{i}">{esc(name)}</a></li>'
                    for i, name in enumerate(ui["nav"]))
    return (f'<header class="site-header"><div class="logo"><a href="https://{domain}/">{esc(domain)}</a></div>'
            f'<nav class="main-menu"><ul>{links}</ul></nav>'
            f'<form class="search"><input type="text" placeholder="{esc(ui["search"])}"></form></header>')


def _sidebar(ui: dict, domain: str, headlines: list[str]) -> str:
    items = "".join(f'<li><a href="https://{domain}/habari/{i}">{esc(h)}</a></li>'
                    for i, h in enumerate(headlines))
    return (f'<aside class="sidebar"><h3>{esc(ui["popular"])}</h3><ul>{items}</ul>'
            f'<div class="newsletter">{esc(ui["subscribe"])}</div></aside>')


def _comments(ui: dict, rng: random.Random, names: list[str]) -> str:
    picked = rng.sample(ui["comment_texts"], k=min(len(ui["comment_texts"]), rng.randint(2, 4)))
    body = "".join(f'<div class="comment"><span class="author">{esc(rng.choice(names))}</span>'
                   f'<p>{esc(text)}</p></div>' for text in picked)
    return f'<section class="comments" id="comments"><h3>{esc(ui["comments"])}</h3>{body}</section>'


def body_html(blocks: list[tuple[str, str]]) -> str:
    """Main content blocks, each ("h2" | "p" | "li" | "quote", text), as HTML."""
    out, in_list = [], False
    for kind, text in blocks:
        if kind == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        if kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if kind == "quote":
            out.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        else:
            out.append(f"<{kind}>{esc(text)}</{kind}>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def render_page(*, rng: random.Random, ui_lang: str, html_lang: str | None, domain: str, title: str,
                blocks: list[tuple[str, str]], headlines: list[str], comment_names: list[str],
                date_text: str, meta_charset: str | None = "utf-8", comments: bool = False,
                cookie: bool = True) -> str:
    """A complete HTML page: chrome from ``UI[ui_lang]`` around the main content."""
    ui = UI[ui_lang]
    layout = rng.choice(_LAYOUTS)
    lang_attr = f' lang="{html_lang}"' if html_lang else ""
    charset = f'<meta charset="{meta_charset}">' if meta_charset else ""
    cookie_html = (f'<div class="cookie-banner" role="dialog"><p>{esc(ui["cookie"])}</p>'
                   f'<button>{esc(ui["accept"])}</button></div>') if cookie else ""
    main = body_html(blocks)
    if layout == "article":
        content = (f'<main><article><h1 class="headline">{esc(title)}</h1>'
                   f'<time datetime="{date_text}">{date_text}</time>\n{main}</article></main>')
    elif layout == "post":
        content = (f'<div id="content"><div class="post"><h1 class="post-title">{esc(title)}</h1>'
                   f'<div class="post-meta">{date_text}</div><div class="post-content">\n{main}</div></div></div>')
    else:
        content = (f'<div class="container"><div class="entry"><h1>{esc(title)}</h1>'
                   f'<div class="entry-content">\n{main}</div></div></div>')
    footer_links = " | ".join(f'<a href="https://{domain}/p/{i}">{esc(x)}</a>' for i, x in enumerate(ui["footer"]))
    return (f'<!DOCTYPE html>\n<html{lang_attr}>\n<head>{charset}<title>{esc(title)} - {esc(domain)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="stylesheet" href="/static/style.css"><script src="/static/analytics.js"></script></head>\n'
            f'<body>{cookie_html}{_nav(ui, domain)}\n<div class="wrapper">{content}\n'
            f'{_sidebar(ui, domain, headlines)}</div>\n'
            f'{_comments(ui, rng, comment_names) if comments else ""}'
            f'<footer class="site-footer"><p>{footer_links}</p>'
            f'<p>&copy; 2024 {esc(domain)}. {esc(ui["rights"])}.</p></footer></body>\n</html>\n')

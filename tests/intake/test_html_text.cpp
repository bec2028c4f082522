// htmlToText on its own: the text a person would read, whitespace and entities as a browser
// shows them, links kept as text, what is hidden left out, and hostile HTML (deep nesting, a
// huge page) read quickly within the limits.
#include "TestSupport.h"

#include "intake/HtmlText.h"

#include <QElapsedTimer>

using namespace pt::core::intake;

namespace {

QString text(const char* html, const HtmlTextLimits& limits = {})
{
    return htmlToText(QByteArray(html), limits).text;
}

} // namespace

TEST_CASE("HTML to text: blocks, breaks, lists, quotes and cells", "[intake][email][html]")
{
    CHECK(text("<p>One</p><p>Two</p>") == QStringLiteral("One\n\nTwo"));
    CHECK(text("<div>One</div><div>Two</div>") == QStringLiteral("One\nTwo"));
    CHECK(text("a<br>b<br><br>c") == QStringLiteral("a\nb\n\nc"));
    CHECK(text("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>after") == QStringLiteral("- a\n- b\n  - c\n\nafter"));
    CHECK(text("<ol><li>first</li><li>second</li></ol>") == QStringLiteral("1. first\n2. second"));
    CHECK(text("<p>Said:</p><blockquote><p>one</p><p>two</p></blockquote><p>ok</p>") ==
          QStringLiteral("Said:\n\n> one\n>\n> two\n\nok"));
    CHECK(text("<table><tr><th>Goal</th><th>Rating</th></tr><tr><td>2</td><td>4/5</td></tr></table>") ==
          QStringLiteral("Goal\tRating\n2\t4/5"));
    CHECK(text("<h1>Title</h1>text") == QStringLiteral("Title\n\ntext"));
}

TEST_CASE("HTML to text: whitespace collapsed, entities decoded, <pre> kept", "[intake][email][html]")
{
    CHECK(text("  Hello \n\t  world  ") == QStringLiteral("Hello world"));
    CHECK(text("a&nbsp;&nbsp;b &amp; &lt;c&gt; &eacute;&#8364;&#x1F600;") == QStringLiteral("a b & <c> é€😀"));
    CHECK(text("<pre>  indented\n    more\n</pre>after") == QStringLiteral("  indented\n    more\n\nafter"));
    CHECK(text("<p>x</p>\n\n\n<p>y</p>") == QStringLiteral("x\n\ny"));
}

TEST_CASE("HTML to text: links as text where the words differ from the address", "[intake][email][html]")
{
    CHECK(text("<a href=\"https://hr.example.com/case/12\">your case</a>") ==
          QStringLiteral("your case (https://hr.example.com/case/12)"));
    CHECK(text("<a href=\"https://www.example.com/\">example.com</a>") == QStringLiteral("example.com"));
    CHECK(text("<a href=\"mailto:hr@example.com\">hr@example.com</a>") == QStringLiteral("hr@example.com"));
    CHECK(text("<a href=\"mailto:hr@example.com\">HR</a>") == QStringLiteral("HR (mailto:hr@example.com)"));
    CHECK(text("<a href=\"javascript:steal()\">click</a>") == QStringLiteral("click"));
    CHECK(text("<a href=\"https://t.example.com/x\"><img src=\"cid:x\" alt=\"Logo\"></a>") ==
          QStringLiteral("[Logo] (https://t.example.com/x)"));
    CHECK(text("<a href=\"https://t.example.com/pixel\"><img src=\"https://t.example.com/p.gif\"></a>") == QString());
}

TEST_CASE("HTML to text: script, style, head and hidden elements are left out", "[intake][email][html]")
{
    CHECK(text("<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>"
               "<span style=\"DISPLAY : none\">pre</span><div hidden>h</div><template>t</template>seen</body></html>") ==
          QStringLiteral("seen"));
    CHECK(text("<!-- a comment -->visible") == QStringLiteral("visible"));
}

TEST_CASE("HTML to text: the text is UTF-8 whatever charset the page names", "[intake][email][html]")
{
    CHECK(text("<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xc3\xa9</body></html>") ==
          QStringLiteral("café"));
    CHECK(text("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=shift_jis\">\xe6\x97\xa5") ==
          QStringLiteral("日"));
}

TEST_CASE("HTML to text: hostile pages stay within the limits", "[intake][email][html][hostile]")
{
    QElapsedTimer timer;
    timer.start();
    SECTION("100,000 nested elements")
    {
        QByteArray html;
        for (int i = 0; i < 100000; ++i)
            html += "<div>";
        html += "deep text";
        const HtmlText result = htmlToText(html);
        CHECK(result.text.contains(QStringLiteral("deep text")));
    }
    SECTION("100,000 nested quotes indent at most 8 levels")
    {
        QByteArray html;
        for (int i = 0; i < 100000; ++i)
            html += "<blockquote>";
        html += "quoted";
        const HtmlText result = htmlToText(html);
        CHECK(result.text.endsWith(QStringLiteral(">>>>>>>> quoted")));
        CHECK(result.text.size() < 100);
    }
    SECTION("Past the input limit")
    {
        HtmlTextLimits limits;
        limits.maxInputBytes = 1000;
        const HtmlText result = htmlToText(QByteArray(5000, 'a'), limits);
        CHECK(result.text == QString(1000, QLatin1Char('a')));
        REQUIRE(result.notes.size() == 1);
        CHECK(result.notes[0].contains(QStringLiteral("only its first 1,000 bytes were read")));
    }
    SECTION("Past the output limit")
    {
        HtmlTextLimits limits;
        limits.maxChars = 50;
        QByteArray html;
        for (int i = 0; i < 1000; ++i)
            html += "<p>paragraph</p>";
        const HtmlText result = htmlToText(html, limits);
        CHECK(result.text.size() <= 50);
        REQUIRE(result.notes.size() == 1);
        CHECK(result.notes[0].contains(QStringLiteral("longer than 50 characters")));
    }
    SECTION("Binary garbage and nothing")
    {
        QByteArray garbage;
        for (int i = 0; i < 100000; ++i)
            garbage += char((i * 7919) % 256);
        (void)htmlToText(garbage);
        CHECK(htmlToText(QByteArray()).text.isEmpty());
        CHECK(htmlToText("<").text.size() <= 1);
    }
    CHECK(timer.elapsed() < 10000);
}

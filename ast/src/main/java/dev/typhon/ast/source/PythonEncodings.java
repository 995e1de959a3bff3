package dev.typhon.ast.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Map;

/**
 * Python codec names, their normalisation and decoding with CPython's error messages.
 *
 * <p>A coding cookie names a Python codec; this maps it the way {@code codecs.lookup} does (lower
 * case, punctuation runs to {@code _}, the {@code encodings.aliases} table) to a Python codec module
 * name, and that to a Java charset. The few single-byte codecs Java lacks are decoded from tables
 * taken from CPython's codec definitions, and Java charsets that map a few bytes differently are
 * corrected byte by byte. Multibyte codecs Java lacks (hz, the JIS X 0213 and ISO
 * 2022-JP variants, utf-7) and the text-to-text codecs ({@code unicode_escape}, {@code idna}) are
 * reported as unsupported.
 */
public final class PythonEncodings {

    private PythonEncodings() {
    }

    /** Result of decoding: best-effort text (never null) and CPython's error message or null. */
    public record Decoded(String text, String error) {
    }

    // module:alias alias ...; taken from CPython's encodings/aliases.py
    private static final String ALIASES = ""
            + "ascii:646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367 iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii;"
            + "base64_codec:base64 base_64;"
            + "big5:big5_tw csbig5 x_mac_trad_chinese;"
            + "big5hkscs:big5_hkscs hkscs;"
            + "bz2_codec:bz2;"
            + "cp037:037 csibm037 ebcdic_cp_ca ebcdic_cp_nl ebcdic_cp_us ebcdic_cp_wt ibm037 ibm039;"
            + "cp1026:1026 csibm1026 ibm1026;"
            + "cp1125:1125 cp866u ibm1125 ruscii;"
            + "cp1140:1140 ibm1140;"
            + "cp1250:1250 windows_1250;"
            + "cp1251:1251 windows_1251;"
            + "cp1252:1252 windows_1252;"
            + "cp1253:1253 windows_1253;"
            + "cp1254:1254 windows_1254;"
            + "cp1255:1255 windows_1255;"
            + "cp1256:1256 windows_1256;"
            + "cp1257:1257 windows_1257;"
            + "cp1258:1258 windows_1258;"
            + "cp273:273 csibm273 ibm273;"
            + "cp424:424 csibm424 ebcdic_cp_he ibm424;"
            + "cp437:437 cspc8codepage437 ibm437;"
            + "cp500:500 csibm500 ebcdic_cp_be ebcdic_cp_ch ibm500;"
            + "cp775:775 cspc775baltic ibm775;"
            + "cp850:850 cspc850multilingual ibm850;"
            + "cp852:852 cspcp852 ibm852;"
            + "cp855:855 csibm855 ibm855;"
            + "cp857:857 csibm857 ibm857;"
            + "cp858:858 csibm858 ibm858;"
            + "cp860:860 csibm860 ibm860;"
            + "cp861:861 cp_is csibm861 ibm861;"
            + "cp862:862 cspc862latinhebrew ibm862;"
            + "cp863:863 csibm863 ibm863;"
            + "cp864:864 csibm864 ibm864;"
            + "cp865:865 csibm865 ibm865;"
            + "cp866:866 csibm866 ibm866;"
            + "cp869:869 cp_gr csibm869 ibm869;"
            + "cp932:932 ms932 ms_kanji mskanji windows_31j;"
            + "cp949:949 ms949 uhc;"
            + "cp950:950 ms950;"
            + "euc_jis_2004:euc_jis2004 eucjis2004 jisx0213;"
            + "euc_jisx0213:eucjisx0213;"
            + "euc_jp:eucjp u_jis ujis;"
            + "euc_kr:euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean;"
            + "gb18030:gb18030_2000;"
            + "gb2312:chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese;"
            + "gbk:936 cp936 ms936;"
            + "hex_codec:hex;"
            + "hp_roman8:cp1051 csHPRoman8 ibm1051 r8 roman8;"
            + "hz:hz_gb hz_gb_2312 hzgb;"
            + "iso2022_jp:csiso2022jp iso2022jp iso_2022_jp;"
            + "iso2022_jp_1:iso2022jp_1 iso_2022_jp_1;"
            + "iso2022_jp_2:iso2022jp_2 iso_2022_jp_2;"
            + "iso2022_jp_2004:iso2022jp_2004 iso_2022_jp_2004;"
            + "iso2022_jp_3:iso2022jp_3 iso_2022_jp_3;"
            + "iso2022_jp_ext:iso2022jp_ext iso_2022_jp_ext;"
            + "iso2022_kr:csiso2022kr iso2022kr iso_2022_kr;"
            + "iso8859_10:csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6;"
            + "iso8859_11:iso_8859_11 iso_8859_11_2001 thai;"
            + "iso8859_13:iso_8859_13 l7 latin7;"
            + "iso8859_14:iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8;"
            + "iso8859_15:iso_8859_15 l9 latin9;"
            + "iso8859_16:iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10;"
            + "iso8859_2:csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2;"
            + "iso8859_3:csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3;"
            + "iso8859_4:csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4;"
            + "iso8859_5:csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144;"
            + "iso8859_6:arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127;"
            + "iso8859_7:csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126;"
            + "iso8859_8:csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138;"
            + "iso8859_9:csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5;"
            + "johab:cp1361 ms1361;"
            + "koi8_r:cskoi8r;"
            + "kz1048:kz_1048 rk1048 strk1048_2002;"
            + "latin_1:8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1;"
            + "mac_cyrillic:maccyrillic;"
            + "mac_greek:macgreek;"
            + "mac_iceland:maciceland;"
            + "mac_latin2:mac_centeuro maccentraleurope maclatin2;"
            + "mac_roman:macintosh macroman;"
            + "mac_turkish:macturkish;"
            + "mbcs:ansi dbcs;"
            + "ptcp154:cp154 csptcp154 cyrillic_asian pt154;"
            + "quopri_codec:quopri quoted_printable quotedprintable;"
            + "rot_13:rot13;"
            + "shift_jis:csshiftjis s_jis shiftjis sjis x_mac_japanese;"
            + "shift_jis_2004:s_jis_2004 shiftjis2004 sjis_2004;"
            + "shift_jisx0213:s_jisx0213 shiftjisx0213 sjisx0213;"
            + "tis_620:iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1;"
            + "utf_16:u16 utf16;"
            + "utf_16_be:unicodebigunmarked utf_16be;"
            + "utf_16_le:unicodelittleunmarked utf_16le;"
            + "utf_32:u32 utf32;"
            + "utf_32_be:utf_32be;"
            + "utf_32_le:utf_32le;"
            + "utf_7:u7 unicode_1_1_utf_7 utf7;"
            + "utf_8:cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4;"
            + "uu_codec:uu;"
            + "zlib_codec:zip zlib;"
            ;

    /** Python codec module -> Java charset, for the codecs whose Java mapping matches CPython's. */
    private static final Map<String, String> JAVA = Map.ofEntries(
            Map.entry("ascii", "US-ASCII"),
            Map.entry("big5", "Big5"),
            Map.entry("big5hkscs", "Big5-HKSCS"),
            Map.entry("cp037", "IBM037"),
            Map.entry("cp1006", "x-IBM1006"),
            Map.entry("cp1026", "IBM1026"),
            Map.entry("cp1140", "IBM01140"),
            Map.entry("cp1250", "windows-1250"),
            Map.entry("cp1251", "windows-1251"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("cp1253", "windows-1253"),
            Map.entry("cp1254", "windows-1254"),
            Map.entry("cp1255", "windows-1255"),
            Map.entry("cp1256", "windows-1256"),
            Map.entry("cp1257", "windows-1257"),
            Map.entry("cp1258", "windows-1258"),
            Map.entry("cp273", "IBM273"),
            Map.entry("cp424", "IBM424"),
            Map.entry("cp437", "IBM437"),
            Map.entry("cp500", "IBM500"),
            Map.entry("cp737", "x-IBM737"),
            Map.entry("cp775", "IBM775"),
            Map.entry("cp850", "IBM850"),
            Map.entry("cp852", "IBM852"),
            Map.entry("cp855", "IBM855"),
            Map.entry("cp856", "x-IBM856"),
            Map.entry("cp857", "IBM857"),
            Map.entry("cp858", "IBM00858"),
            Map.entry("cp860", "IBM860"),
            Map.entry("cp861", "IBM861"),
            Map.entry("cp862", "IBM862"),
            Map.entry("cp863", "IBM863"),
            Map.entry("cp864", "IBM864"),
            Map.entry("cp865", "IBM865"),
            Map.entry("cp866", "IBM866"),
            Map.entry("cp869", "IBM869"),
            Map.entry("cp874", "x-windows-874"),
            Map.entry("cp875", "x-IBM875"),
            Map.entry("cp932", "windows-31j"),
            Map.entry("cp949", "x-windows-949"),
            Map.entry("cp950", "x-windows-950"),
            Map.entry("euc_jp", "EUC-JP"),
            Map.entry("euc_kr", "EUC-KR"),
            Map.entry("gb18030", "GB18030"),
            Map.entry("gb2312", "GB2312"),
            Map.entry("gbk", "GBK"),
            Map.entry("iso2022_jp", "ISO-2022-JP"),
            Map.entry("iso2022_jp_2", "ISO-2022-JP-2"),
            Map.entry("iso2022_kr", "ISO-2022-KR"),
            Map.entry("iso8859_11", "x-iso-8859-11"),
            Map.entry("iso8859_13", "ISO-8859-13"),
            Map.entry("iso8859_15", "ISO-8859-15"),
            Map.entry("iso8859_16", "ISO-8859-16"),
            Map.entry("iso8859_2", "ISO-8859-2"),
            Map.entry("iso8859_3", "ISO-8859-3"),
            Map.entry("iso8859_4", "ISO-8859-4"),
            Map.entry("iso8859_5", "ISO-8859-5"),
            Map.entry("iso8859_6", "ISO-8859-6"),
            Map.entry("iso8859_7", "ISO-8859-7"),
            Map.entry("iso8859_8", "ISO-8859-8"),
            Map.entry("iso8859_9", "ISO-8859-9"),
            Map.entry("johab", "x-Johab"),
            Map.entry("koi8_r", "KOI8-R"),
            Map.entry("koi8_u", "KOI8-U"),
            Map.entry("latin_1", "ISO-8859-1"),
            Map.entry("mac_arabic", "x-MacArabic"),
            Map.entry("mac_croatian", "x-MacCroatian"),
            Map.entry("mac_cyrillic", "x-MacCyrillic"),
            Map.entry("mac_greek", "x-MacGreek"),
            Map.entry("mac_iceland", "x-MacIceland"),
            Map.entry("mac_latin2", "x-MacCentralEurope"),
            Map.entry("mac_roman", "x-MacRoman"),
            Map.entry("mac_romanian", "x-MacRomania"),
            Map.entry("mac_turkish", "x-MacTurkish"),
            Map.entry("shift_jis", "Shift_JIS"),
            Map.entry("shift_jis_2004", "x-SJIS_0213"),
            Map.entry("shift_jisx0213", "x-SJIS_0213"),
            Map.entry("tis_620", "TIS-620"),
            Map.entry("utf_16", "UTF-16"),
            Map.entry("utf_16_be", "UTF-16BE"),
            Map.entry("utf_16_le", "UTF-16LE"),
            Map.entry("utf_32", "UTF-32"),
            Map.entry("utf_32_be", "UTF-32BE"),
            Map.entry("utf_32_le", "UTF-32LE"));

    /**
     * Upper halves (bytes 0x80..0xFF) of ASCII-compatible single-byte codecs Java lacks, from
     * CPython's codec tables; U+FFFE marks an undefined byte.
     */
    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("cp1125",
                    "\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042A\u042B\u042C\u042D\u042E\u042F\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044A\u044B\u044C\u044D\u044E\u044F\u0401\u0451\u0490\u0491\u0404\u0454\u0406\u0456\u0407\u0457\u00B7\u221A\u2116\u00A4\u25A0\u00A0"),
            Map.entry("cp720",
                    "\u0080\u0081\u00E9\u00E2\u0084\u00E0\u0086\u00E7\u00EA\u00EB\u00E8\u00EF\u00EE\u008D\u008E\u008F\u0090\u0651\u0652\u00F4\u00A4\u0640\u00FB\u00F9\u0621\u0622\u0623\u0624\u00A3\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u00AB\u00BB\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255D\u255C\u255B\u2510\u2514\u2534\u252C\u251C\u2500\u253C\u255E\u255F\u255A\u2554\u2569\u2566\u2560\u2550\u256C\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256B\u256A\u2518\u250C\u2588\u2584\u258C\u2590\u2580\u0636\u0637\u0638\u0639\u063A\u0641\u00B5\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A\u2261\u064B\u064C\u064D\u064E\u064F\u0650\u2248\u00B0\u2219\u00B7\u221A\u207F\u00B2\u25A0\u00A0"),
            Map.entry("iso8859_10",
                    "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u00A0\u0104\u0112\u0122\u012A\u0128\u0136\u00A7\u013B\u0110\u0160\u0166\u017D\u00AD\u016A\u014A\u00B0\u0105\u0113\u0123\u012B\u0129\u0137\u00B7\u013C\u0111\u0161\u0167\u017E\u2015\u016B\u014B\u0100\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u012E\u010C\u00C9\u0118\u00CB\u0116\u00CD\u00CE\u00CF\u00D0\u0145\u014C\u00D3\u00D4\u00D5\u00D6\u0168\u00D8\u0172\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF\u0101\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u012F\u010D\u00E9\u0119\u00EB\u0117\u00ED\u00EE\u00EF\u00F0\u0146\u014D\u00F3\u00F4\u00F5\u00F6\u0169\u00F8\u0173\u00FA\u00FB\u00FC\u00FD\u00FE\u0138"),
            Map.entry("iso8859_14",
                    "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u00A0\u1E02\u1E03\u00A3\u010A\u010B\u1E0A\u00A7\u1E80\u00A9\u1E82\u1E0B\u1EF2\u00AD\u00AE\u0178\u1E1E\u1E1F\u0120\u0121\u1E40\u1E41\u00B6\u1E56\u1E81\u1E57\u1E83\u1E60\u1EF3\u1E84\u1E85\u1E61\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF\u0174\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u1E6A\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u0176\u00DF\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u0175\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u1E6B\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u0177\u00FF"),
            Map.entry("koi8_t",
                    "\u049B\u0493\u201A\u0492\u201E\u2026\u2020\u2021\uFFFE\u2030\u04B3\u2039\u04B2\u04B7\u04B6\uFFFE\u049A\u2018\u2019\u201C\u201D\u2022\u2013\u2014\uFFFE\u2122\uFFFE\u203A\uFFFE\uFFFE\uFFFE\uFFFE\uFFFE\u04EF\u04EE\u0451\u00A4\u04E3\u00A6\u00A7\uFFFE\uFFFE\uFFFE\u00AB\u00AC\u00AD\u00AE\uFFFE\u00B0\u00B1\u00B2\u0401\uFFFE\u04E2\u00B6\u00B7\uFFFE\u2116\uFFFE\u00BB\uFFFE\uFFFE\uFFFE\u00A9\u044E\u0430\u0431\u0446\u0434\u0435\u0444\u0433\u0445\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u044F\u0440\u0441\u0442\u0443\u0436\u0432\u044C\u044B\u0437\u0448\u044D\u0449\u0447\u044A\u042E\u0410\u0411\u0426\u0414\u0415\u0424\u0413\u0425\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u042F\u0420\u0421\u0422\u0423\u0416\u0412\u042C\u042B\u0417\u0428\u042D\u0429\u0427\u042A"),
            Map.entry("kz1048",
                    "\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u049A\u04BA\u040F\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\uFFFE\u2122\u0459\u203A\u045A\u049B\u04BB\u045F\u00A0\u04B0\u04B1\u04D8\u00A4\u04E8\u00A6\u00A7\u0401\u00A9\u0492\u00AB\u00AC\u00AD\u00AE\u04AE\u00B0\u00B1\u0406\u0456\u04E9\u00B5\u00B6\u00B7\u0451\u2116\u0493\u00BB\u04D9\u04A2\u04A3\u04AF\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042A\u042B\u042C\u042D\u042E\u042F\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044A\u044B\u044C\u044D\u044E\u044F"),
            Map.entry("ptcp154",
                    "\u0496\u0492\u04EE\u0493\u201E\u2026\u04B6\u04AE\u04B2\u04AF\u04A0\u04E2\u04A2\u049A\u04BA\u04B8\u0497\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u04B3\u04B7\u04A1\u04E3\u04A3\u049B\u04BB\u04B9\u00A0\u040E\u045E\u0408\u04E8\u0498\u04B0\u00A7\u0401\u00A9\u04D8\u00AB\u00AC\u04EF\u00AE\u049C\u00B0\u04B1\u0406\u0456\u0499\u04E9\u00B6\u00B7\u0451\u2116\u04D9\u00BB\u0458\u04AA\u04AB\u049D\u0410\u0411\u0412\u0413\u0414\u0415\u0416\u0417\u0418\u0419\u041A\u041B\u041C\u041D\u041E\u041F\u0420\u0421\u0422\u0423\u0424\u0425\u0426\u0427\u0428\u0429\u042A\u042B\u042C\u042D\u042E\u042F\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043A\u043B\u043C\u043D\u043E\u043F\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044A\u044B\u044C\u044D\u044E\u044F"),
            Map.entry("mac_farsi",
                    "\u00C4\u00A0\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u06BA\u00AB\u00E7\u00E9\u00E8\u00EA\u00EB\u00ED\u2026\u00EE\u00EF\u00F1\u00F3\u00BB\u00F4\u00F6\u00F7\u00FA\u00F9\u00FB\u00FC !\"#$\u066A&'()*+\u060C-./\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9:\u061B<=>\u061F\u274A\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0639\u063A[\\]^_\u0640\u0641\u0642\u0643\u0644\u0645\u0646\u0647\u0648\u0649\u064A\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u067E\u0679\u0686\u06D5\u06A4\u06AF\u0688\u0691{|}\u0698\u06D2"),
            Map.entry("hp_roman8",
                    "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\u00A0\u00C0\u00C2\u00C8\u00CA\u00CB\u00CE\u00CF\u00B4\u02CB\u02C6\u00A8\u02DC\u00D9\u00DB\u20A4\u00AF\u00DD\u00FD\u00B0\u00C7\u00E7\u00D1\u00F1\u00A1\u00BF\u00A4\u00A3\u00A5\u00A7\u0192\u00A2\u00E2\u00EA\u00F4\u00FB\u00E1\u00E9\u00F3\u00FA\u00E0\u00E8\u00F2\u00F9\u00E4\u00EB\u00F6\u00FC\u00C5\u00EE\u00D8\u00C6\u00E5\u00ED\u00F8\u00E6\u00C4\u00EC\u00D6\u00DC\u00C9\u00EF\u00DF\u00D4\u00C1\u00C3\u00E3\u00D0\u00F0\u00CD\u00CC\u00D3\u00D2\u00D5\u00F5\u0160\u0161\u00DA\u0178\u00FF\u00DE\u00FE\u00B7\u00B5\u00B6\u00BE\u2014\u00BC\u00BD\u00AA\u00BA\u00AB\u25A0\u00BB\u00B1\uFFFE"),
            Map.entry("palmos",
                    "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u2666\u2663\u2665\u2660\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u009B\u0153\u009D\u009E\u0178\u00A0\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AA\u00AB\u00AC\u00AD\u00AE\u00AF\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u00BA\u00BB\u00BC\u00BD\u00BE\u00BF\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5\u00C6\u00C7\u00C8\u00C9\u00CA\u00CB\u00CC\u00CD\u00CE\u00CF\u00D0\u00D1\u00D2\u00D3\u00D4\u00D5\u00D6\u00D7\u00D8\u00D9\u00DA\u00DB\u00DC\u00DD\u00DE\u00DF\u00E0\u00E1\u00E2\u00E3\u00E4\u00E5\u00E6\u00E7\u00E8\u00E9\u00EA\u00EB\u00EC\u00ED\u00EE\u00EF\u00F0\u00F1\u00F2\u00F3\u00F4\u00F5\u00F6\u00F7\u00F8\u00F9\u00FA\u00FB\u00FC\u00FD\u00FE\u00FF"));

    /**
     * Bytes where a single-byte Java charset decodes differently from CPython's codec: pairs of
     * (byte, CPython's char), U+FFFE marking a byte CPython leaves undefined.
     */
    private static final Map<String, int[]> PATCHES = Map.ofEntries(
            Map.entry("cp037", new int[] {0x15, 0x0085}),
            Map.entry("cp1006", new int[] {0xB2, 0xFE8E, 0xC7, 0xFB84, 0xD5, 0xFEC1, 0xD6, 0xFEC5, 0xE3, 0xFED9, 0xF9, 0xFEF1, 0xFA, 0xFEF2, 0xFB, 0xFEF3}),
            Map.entry("cp1026", new int[] {0x15, 0x0085}),
            Map.entry("cp1140", new int[] {0x15, 0x0085}),
            Map.entry("cp273", new int[] {0x15, 0x0085, 0xBC, 0x203E}),
            Map.entry("cp424", new int[] {0x15, 0x0085, 0xB3, 0x00B7, 0xBC, 0x00AF}),
            Map.entry("cp500", new int[] {0x15, 0x0085}),
            Map.entry("cp856", new int[] {0xEE, 0x00AF, 0xFA, 0x00B7}),
            Map.entry("cp875", new int[] {0x15, 0x0085, 0xDC, 0x001A, 0xE1, 0x001A, 0xEC, 0x001A, 0xED, 0x001A, 0xFC, 0x001A, 0xFD, 0x001A}),
            Map.entry("mac_arabic", new int[] {0xA0, 0x0020, 0xA1, 0x0021, 0xA2, 0x0022, 0xA3, 0x0023, 0xA4, 0x0024, 0xA6, 0x0026, 0xA7, 0x0027, 0xA8, 0x0028, 0xA9, 0x0029, 0xAA, 0x002A, 0xAB, 0x002B, 0xAD, 0x002D, 0xAE, 0x002E, 0xAF, 0x002F, 0xBA, 0x003A, 0xBC, 0x003C, 0xBD, 0x003D, 0xBE, 0x003E, 0xC0, 0x274A, 0xDB, 0x005B, 0xDC, 0x005C, 0xDD, 0x005D, 0xDE, 0x005E, 0xDF, 0x005F, 0xFB, 0x007B, 0xFC, 0x007C, 0xFD, 0x007D}),
            Map.entry("mac_croatian", new int[] {0xBD, 0x03A9, 0xDB, 0x20AC}),
            Map.entry("mac_cyrillic", new int[] {0xA2, 0x0490, 0xB6, 0x0491, 0xFF, 0x20AC}),
            Map.entry("mac_greek", new int[] {0x9C, 0x20AC, 0xAF, 0x00B7, 0xFF, 0x00AD}),
            Map.entry("mac_iceland", new int[] {0xBD, 0x03A9, 0xDB, 0x20AC}),
            Map.entry("mac_romanian", new int[] {0xAF, 0x0218, 0xBD, 0x03A9, 0xBF, 0x0219, 0xDB, 0x20AC, 0xDE, 0x021A, 0xDF, 0x021B}),
            Map.entry("mac_turkish", new int[] {0xBD, 0x03A9, 0xF5, 0xF8A0}),
            Map.entry("tis_620", new int[] {0x80, 0x0080, 0x81, 0x0081, 0x82, 0x0082, 0x83, 0x0083, 0x84, 0x0084, 0x85, 0x0085, 0x86, 0x0086, 0x87, 0x0087, 0x88, 0x0088, 0x89, 0x0089, 0x8A, 0x008A, 0x8B, 0x008B, 0x8C, 0x008C, 0x8D, 0x008D, 0x8E, 0x008E, 0x8F, 0x008F, 0x90, 0x0090, 0x91, 0x0091, 0x92, 0x0092, 0x93, 0x0093, 0x94, 0x0094, 0x95, 0x0095, 0x96, 0x0096, 0x97, 0x0097, 0x98, 0x0098, 0x99, 0x0099, 0x9A, 0x009A, 0x9B, 0x009B, 0x9C, 0x009C, 0x9D, 0x009D, 0x9E, 0x009E, 0x9F, 0x009F, 0xA0, 0xFFFE}));

    private static final Map<String, char[]> PATCHED_TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Codecs that exist in CPython but turn bytes into bytes or str into str. */
    private static final java.util.Set<String> NOT_TEXT = java.util.Set.of(
            "base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "rot_13", "uu_codec", "zlib_codec");

    /** Codecs CPython has that this class cannot decode. */
    private static final java.util.Set<String> UNSUPPORTED = java.util.Set.of(
            "hz", "euc_jis_2004", "euc_jisx0213", "iso2022_jp_1", "iso2022_jp_2004", "iso2022_jp_3",
            "iso2022_jp_ext", "utf_7", "idna", "punycode", "unicode_escape", "raw_unicode_escape",
            "charmap", "undefined");

    private static final Map<String, String> ALIAS_TO_MODULE = new HashMap<>();

    static {
        for (String group : ALIASES.split(";")) {
            int colon = group.indexOf(':');
            String module = group.substring(0, colon);
            for (String alias : group.substring(colon + 1).split(" ")) {
                ALIAS_TO_MODULE.put(alias, module);
            }
        }
    }

    /**
     * CPython's tokenizer {@code get_normal_name}: spellings of utf-8 and latin-1 (looking only at
     * the first 12 characters, lower-cased, {@code _} as {@code -}) become {@code utf-8} and
     * {@code iso-8859-1}; any other name is returned unchanged.
     */
    public static String normalName(String name) {
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < name.length() && i < 12; i++) {
            char c = name.charAt(i);
            b.append(c == '_' ? '-' : Character.toLowerCase(c));
        }
        String s = b.toString();
        if (s.equals("utf-8") || s.startsWith("utf-8-")) {
            return "utf-8";
        }
        if (s.equals("latin-1") || s.equals("iso-8859-1") || s.equals("iso-latin-1")
                || s.startsWith("latin-1-") || s.startsWith("iso-8859-1-") || s.startsWith("iso-latin-1-")) {
            return "iso-8859-1";
        }
        return name;
    }

    /** {@code encodings.normalize_encoding} after C's lower-casing: punctuation runs become {@code _}. */
    static String normalizeLookupName(String encoding) {
        StringBuilder b = new StringBuilder(encoding.length());
        boolean punct = false;
        for (int i = 0; i < encoding.length(); i++) {
            char c = encoding.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alnum || c == '.') {
                if (punct && b.length() > 0) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
                punct = false;
            } else {
                punct = true;
            }
        }
        return b.toString();
    }

    /** The Python codec module an encoding name resolves to, or null when Python knows no such codec. */
    public static String codecModule(String encoding) {
        String norm = normalizeLookupName(encoding);
        String aliased = ALIAS_TO_MODULE.get(norm);
        if (aliased == null) {
            aliased = ALIAS_TO_MODULE.get(norm.replace('.', '_'));
        }
        if (aliased != null) {
            return aliased;
        }
        if (norm.isEmpty() || norm.indexOf('.') >= 0) {
            return null;
        }
        if (norm.equals("utf_8") || norm.equals("utf_8_sig") || JAVA.containsKey(norm) || TABLES.containsKey(norm)
                || NOT_TEXT.contains(norm) || UNSUPPORTED.contains(norm)) {
            return norm;
        }
        return null;
    }

    /** True when {@link #decode} can decode text in this encoding. */
    public static boolean isSupported(String encoding) {
        String module = codecModule(encoding);
        return module != null && (module.startsWith("utf_8") || JAVA.containsKey(module) || TABLES.containsKey(module));
    }

    /**
     * Decodes {@code bytes[from, to)} as Python's codec {@code encoding} would, strictly: the error
     * is CPython's message for the first undecodable byte, or for an unknown codec. {@code position}
     * maps a byte position relative to {@code from} to the one CPython reports (which counts a
     * {@code \r\n} as one byte, having translated newlines first).
     * The text is always a best-effort decoding.
     */
    public static Decoded decode(byte[] bytes, int from, int to, String encoding, java.util.function.IntUnaryOperator position) {
        String module = codecModule(encoding);
        if (module == null) {
            return new Decoded(fallback(bytes, from, to), "unknown encoding: " + encoding);
        }
        if (NOT_TEXT.contains(module)) {
            return new Decoded(fallback(bytes, from, to),
                    "'" + encoding + "' is not a text encoding; use codecs.decode() to handle arbitrary codecs");
        }
        if (module.equals("utf_8_sig")) {
            if (to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                    && bytes[from + 2] == (byte) 0xBF) {
                int skipped = from + 3;
                return decode(bytes, skipped, to, "utf_8", at -> position.applyAsInt(at + 3));
            }
            module = "utf_8";
        }
        if (module.equals("utf_8")) {
            String text = Utf8.decodeSurrogateEscape(bytes, from, to);
            Utf8.DecodeError e = Utf8.firstError(bytes, from, to);
            if (e == null) {
                return new Decoded(text, null);
            }
            int shift = position.applyAsInt(e.start()) - e.start();
            Utf8.DecodeError moved = new Utf8.DecodeError(e.start() + shift, e.end() + shift, e.reason());
            byte[] window = new byte[moved.end()];
            System.arraycopy(bytes, from + e.start(), window, moved.start(), e.end() - e.start());
            return new Decoded(text, Utf8.describe("utf-8", window, 0, moved));
        }
        String table = TABLES.get(module);
        if (table != null) {
            return decodeTable(bytes, from, to, table, position);
        }
        String javaName = JAVA.get(module);
        if (javaName == null || !Charset.isSupported(javaName)) {
            return new Decoded(fallback(bytes, from, to), "unknown encoding: " + encoding);
        }
        if (PATCHES.containsKey(module)) {
            char[] full = PATCHED_TABLES.computeIfAbsent(module, m -> patchedTable(Charset.forName(javaName), PATCHES.get(m)));
            return decodeFullTable(bytes, from, to, full, position);
        }
        return decodeJava(bytes, from, to, module, Charset.forName(javaName), position);
    }

    /** Text for a codec that cannot decode: UTF-8 is the likeliest truth. */
    private static String fallback(byte[] bytes, int from, int to) {
        return Utf8.decodeSurrogateEscape(bytes, from, to);
    }

    private static Decoded decodeTable(byte[] bytes, int from, int to, String table,
            java.util.function.IntUnaryOperator position) {
        char[] out = new char[to - from];
        String error = null;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            char c = b < 0x80 ? (char) b : table.charAt(b - 0x80);
            if (c == '\uFFFE') {
                if (error == null) {
                    error = charmapError(b, position.applyAsInt(i - from));
                }
                c = '\uFFFD';
            }
            out[i - from] = c;
        }
        return new Decoded(new String(out), error);
    }

    /** All 256 bytes decoded by a Java charset, then corrected to CPython's mapping. */
    private static char[] patchedTable(Charset cs, int[] patches) {
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            CharsetDecoder d = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer decoded = d.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                table[b] = decoded.length() == 1 ? decoded.charAt(0) : '\uFFFE';
            } catch (java.nio.charset.CharacterCodingException e) {
                table[b] = '\uFFFE';
            }
        }
        for (int i = 0; i + 1 < patches.length; i += 2) {
            table[patches[i]] = (char) patches[i + 1];
        }
        return table;
    }

    private static Decoded decodeFullTable(byte[] bytes, int from, int to, char[] table,
            java.util.function.IntUnaryOperator position) {
        char[] out = new char[to - from];
        String error = null;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            char c = table[b];
            if (c == '\uFFFE') {
                if (error == null) {
                    error = charmapError(b, position.applyAsInt(i - from));
                }
                c = '\uFFFD';
            }
            out[i - from] = c;
        }
        return new Decoded(new String(out), error);
    }

    private static String charmapError(int b, int pos) {
        return String.format("'charmap' codec can't decode byte 0x%02x in position %d: character maps to <undefined>", b, pos);
    }

    private static Decoded decodeJava(byte[] bytes, int from, int to, String module, Charset cs,
            java.util.function.IntUnaryOperator position) {
        String error = null;
        CharsetDecoder strict = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) ((to - from) * (double) strict.maxCharsPerByte()) + 16));
        CoderResult r = strict.decode(in, out, true);
        if (r.isUnderflow()) {
            r = strict.flush(out);
        }
        if (r.isError()) {
            int at = in.position() - from;
            int b = bytes[in.position()] & 0xFF;
            int pos = position.applyAsInt(at);
            boolean incomplete = r.isMalformed() && in.position() + r.length() >= to;
            error = switch (module) {
                case "ascii" -> String.format(
                        "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", b, pos);
                case "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be" -> String.format(
                        "'%s' codec can't decode bytes in position %d-%d: %s", module.replace('_', '-'), pos,
                        pos + Math.max(1, r.length()) - 1, incomplete ? "truncated data" : "illegal encoding");
                default -> isMultibyte(module)
                        ? String.format("'%s' codec can't decode byte 0x%02x in position %d: %s", module, b, pos,
                                incomplete ? "incomplete multibyte sequence" : "illegal multibyte sequence")
                        : charmapError(b, pos);
            };
        }
        if (error == null) {
            out.flip();
            return new Decoded(out.toString(), null);
        }
        // String's constructor replaces what it cannot decode, which is the best effort we want.
        return new Decoded(new String(bytes, from, to - from, cs), error);
    }

    private static boolean isMultibyte(String module) {
        return switch (module) {
            case "big5", "big5hkscs", "cp932", "cp949", "cp950", "euc_jp", "euc_kr", "gb18030", "gb2312", "gbk",
                    "iso2022_jp", "iso2022_jp_2", "iso2022_kr", "johab", "shift_jis", "shift_jis_2004",
                    "shift_jisx0213" -> true;
            default -> false;
        };
    }
}

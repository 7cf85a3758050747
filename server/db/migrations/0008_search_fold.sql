-- Finding people again (issue 9). The one definition of how names, kana, case numbers and mail
-- addresses are compared: the stored fold columns are generated with it and every search applies
-- it to the query in the same SQL, so no second copy (in JS, say) can disagree with it.
--
-- search_fold: NFKC (full-width letters and digits, half-width kana, U+3000 and other spaces
-- become their ordinary forms), ASCII lower case (under "C", so the same on every server), then
-- one translate() that turns katakana into hiragana, common variant kanji into their usual form
-- (髙→高, 﨑/嵜/碕→崎, 邊/邉→辺, 齋/齊/斎→斉, 澤→沢, 濱/濵→浜, 德→徳, 廣→広, 國/圀→国, 實→実, 眞→真,
-- 藏→蔵, 櫻→桜, 龍→竜, 嶋/嶌→島, 籠→篭, …) and deletes what people type or leave out at will:
-- spaces, line breaks, the long vowel mark ー, the middle dot ・ and zero-width characters.
-- translate() deletes the characters of its second argument that have no counterpart in the third:
-- the mapped ones come first (the two strings pair up character by character), the deleted last.
CREATE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT translate(
    lower(normalize(t, NFKC) COLLATE "C"),
    'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ髙﨑嵜碕邊邉齋齊斎澤濱濵德廣國圀實眞藏櫻龍嶋嶌籠槇冨桒舘惠榮壽萬彌兒曾淵瀨條檜鐵黑關增靜縣莊傳會學淺圓峯栁穗恆晉禮將澁瀧蘆顯邨𠮷' || E' \t\n\rー・\u200B\u200C\u200D\u2060\uFEFF',
    'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ高崎崎崎辺辺斉斉斉沢浜浜徳広国国実真蔵桜竜島島篭槙富桑館恵栄寿万弥児曽渕瀬条桧鉄黒関増静県荘伝会学浅円峰柳穂恒晋礼将渋滝芦顕村吉'
  )
$$;
--> statement-breakpoint
-- The keys a search index holds for each folded part: every character and every pair of adjacent
-- characters. A GIN index over them answers a query of one or two characters with one key and a
-- longer one with all its pairs, then the exact test (strpos) runs on the few rows found.
-- Not pg_trgm: its trigrams skip characters that the database's LC_CTYPE does not call letters
-- (under LC_CTYPE=C, all Japanese text), and it cannot use its index for queries shorter than three
-- characters, which most Japanese surnames (加藤, 佐藤) and kana searches are. Built-in GIN on text[]
-- needs no extension, so nothing changes for the owner and application roles either.
CREATE FUNCTION search_grams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(p, i, n)), '{}')
  FROM unnest(parts) AS p, generate_series(1, char_length(p)) AS i, (VALUES (1), (2)) AS v(n)
  WHERE i + n - 1 <= char_length(p)
$$;
--> statement-breakpoint
-- The keys a folded query needs: itself when it is one or two characters long, else its pairs.
CREATE FUNCTION search_query_grams(q text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE WHEN char_length(q) <= 2 THEN ARRAY[q]
    ELSE ARRAY(SELECT substr(q, i, 2) FROM generate_series(1, char_length(q) - 1) AS i) END
$$;

--
-- tokens and sentences in many languages
--
\pset format unaligned
SET client_min_messages = warning;

SELECT lang, ord, token, folded, kind, start_pos, end_pos
FROM (VALUES
  ('vi', 'Thủ tướng Pakistan thăm Moskva ngày 7/8, ký hợp đồng 1,5 tỷ USD.'),
  ('pl', 'Gen. Kowalski: „Rosja sprzedała Pakistanowi 4 śmigłowce Mi-35M”.'),
  ('it', 'L’Italia e l''Egitto firmano un accordo da 2,3 miliardi di euro.'),
  ('en', 'The U.S. sold 24 F-16s to Pakistan for $1.5bn on March 3, 2024.'),
  ('ru', 'Россия и Казахстан подписали соглашение на 1,5 млрд долларов.'),
  ('fr', 'Aujourd’hui, l’Élysée a reçu le président indien.'),
  ('de', 'Bundeskanzler Scholz traf am 3. März 2024 den Präsidenten.'),
  ('es', '¿Firmará España el acuerdo con Marruecos?'),
  ('ar', 'وقعت مصر وإيطاليا اتفاقية في القاهرة.'),
  ('zh', '中国和巴基斯坦签署了协议。'),
  ('ja', '日本とベトナムは東京で会談した。'),
  ('ko', '한국과 폴란드는 K2 전차 계약을 체결했다.')
) t(lang, s), LATERAL entente.tokens(s, lang)
ORDER BY lang, ord;

-- positions agree with substr() for every token and sentence
SELECT bool_and(substr(s, start_pos, end_pos - start_pos + 1) = token) AS tokens_substr
FROM (VALUES ('Việt Nam – Nhật Bản: “hợp tác” 😀 toàn diện'), (E'Rosja\u00a0i Pakistan\n\nИндия')) t(s),
     LATERAL entente.tokens(s);

-- the language-neutral rules when lang is NULL or omitted
SELECT count(*) AS neutral_tokens FROM entente.tokens('Hello, world!');
SELECT count(*) AS neutral_tokens_null FROM entente.tokens('Hello, world!', NULL);

-- sentences: abbreviations, initials, ordinals, decimals and headlines
SELECT lang, ord, sentence, start_pos, end_pos
FROM (VALUES
  ('en', E'Russia and Pakistan hold talks\nMr. Lavrov met Gen. Asim Munir in St. Petersburg on Monday. The deal is worth 1.1 billion dollars. It covers the 9K129 Kornet-E. Deliveries start in 2025.'),
  ('pl', 'Minister spraw zagranicznych Radosław Sikorski spotkał się z gen. Kowalskim i płk. Nowakiem. Rozmawiali m.in. o dostawach, np. Krabów. Następne spotkanie w 2025 r. planuje Warszawa.'),
  ('de', 'Am 3. März 2024 traf Bundeskanzler Scholz z.B. den Präsidenten. Danach reiste er ab.'),
  ('vi', 'Ông Putin đến TP. Hồ Chí Minh. Hai bên ký thỏa thuận trị giá 1.5 tỷ USD.'),
  ('ru', 'В 2014 г. Россия продала Пакистану вертолёты. Сделка стоила 1,5 млрд долл. США.'),
  ('it', 'Il gen. Rossi ha incontrato il Sig. Bianchi. Poi sono partiti.'),
  ('fr', 'M. Macron a reçu Mme Meloni. Ils ont parlé de l’Ukraine.'),
  ('es', 'El Sr. Sánchez viajó a Rabat. Firmó 20 acuerdos.'),
  ('zh', '中国和巴基斯坦签署了协议。双方同意加强合作！'),
  ('ja', '日本とベトナムは会談した。協力を強化する。')
) t(lang, s), LATERAL entente.sentences(s, lang)
ORDER BY lang, ord;

SELECT bool_and(substr(s, start_pos, end_pos - start_pos + 1) = sentence) AS sentences_substr
FROM (VALUES (E'  Tiêu đề\n\n Đoạn một. Đoạn hai!  '), ('Один. Два? Три…')) t(s),
     LATERAL entente.sentences(s);

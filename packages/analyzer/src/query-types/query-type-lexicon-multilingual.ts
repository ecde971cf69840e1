import type { TextQueryType } from './query-type.ts';

/**
 * Cue words per query type in Chinese, Japanese, Korean, Spanish, French, German, Portuguese
 * and Russian, written for this project from the taxonomy's definitions (like the English
 * `QUERY_TYPE_LEXICON`). A cue fires the same shared per-type feature as its English
 * counterpart, so what the model learns about "summarize" carries over to "总结", "要約",
 * "요약", "resume" and "кратко". Chinese, Japanese and Korean cues are one to four
 * characters (each character is a word to the tokenizer); others are one to four words,
 * lower-case, as NFKC-normalised text is read.
 */
export const MULTILINGUAL_QUERY_TYPE_LEXICON: Readonly<Record<TextQueryType, readonly string[]>> = {
  coding: [
    // zh
    '代码', '编程', '程序', '函数', '编写', '算法', '调试', '报错', '变量', '数组', '接口', '数据库',
    '脚本', '正则', '编译', '单元测试', '重构', '类名', '前端', '后端', '查询语句',
    // ja
    'コード', '関数', 'プログラ', 'バグ', 'エラー', 'スクリプ', 'アルゴリ', '実装', '変数', '配列',
    'クエリ', 'デバッグ', 'コンパイ', 'テスト', 'リファク',
    // ko
    '코드', '함수', '프로그램', '버그', '오류', '스크립트', '알고리즘', '구현', '변수', '배열', '쿼리',
    '디버깅', '컴파일',
    // es, pt, fr, de, ru
    'código', 'codigo', 'función', 'funcion', 'programa', 'algoritmo', 'depurar', 'consulta sql',
    'variable', 'script', 'função', 'funcao', 'programação', 'fonction', 'programme', 'algorithme',
    'déboguer', 'requête sql', 'funktion', 'programmieren', 'algorithmus', 'fehlermeldung',
    'skript', 'quellcode', 'код', 'функцию', 'функция', 'программу', 'программа', 'алгоритм',
    'скрипт', 'ошибка', 'запрос sql',
  ],
  math: [
    '计算', '方程', '求解', '解方程', '函数值', '概率', '几何', '三角形', '面积', '周长', '体积',
    '多少个', '多少元', '一共', '平均数', '百分之', '分数', '整数', '质数', '导数', '积分', '数列',
    '不等式', '求证', '实数', '集合',
    '計算', '方程式', '確率', '面積', '体積', '何個', '何円', '合計', '平均', '整数', '素数', '微分',
    '積分', '数列', '三角形',
    '계산', '방정식', '확률', '넓이', '부피', '몇 개', '합계', '평균', '정수', '소수', '미분', '적분',
    'ecuación', 'ecuacion', 'calcula', 'calcular', 'cuántos', 'cuantos', 'probabilidad', 'área',
    'resuelve', 'equação', 'calcule', 'quantos', 'équation', 'résoudre', 'combien', 'probabilité',
    'gleichung', 'berechne', 'wie viele', 'wahrscheinlichkeit', 'уравнение', 'вычислите',
    'вычисли', 'сколько', 'вероятность', 'площадь', 'решите', 'реши',
  ],
  expert_qa: [
    '诊断', '患者', '症状', '治疗', '药物', '病理', '临床', '法律', '法院', '合同', '诉讼', '刑法',
    '民法', '物理', '化学', '生物', '分子', '细胞', '基因', '蛋白', '反应', '电路', '工程', '机制',
    '诊断', '患者', '症状', '治療', '薬', '臨床', '法律', '裁判', '契約', '物理', '化学', '生物',
    '分子', '細胞', '遺伝子', '回路',
    '진단', '환자', '증상', '치료', '약물', '임상', '법률', '법원', '계약', '물리', '화학', '생물',
    '분자', '세포', '유전자',
    'diagnóstico', 'paciente', 'síntomas', 'tratamiento', 'fármaco', 'jurídico', 'tribunal',
    'contrato', 'molécula', 'célula', 'mecanismo', 'tratamento', 'sintomas', 'diagnostic',
    'patient', 'symptômes', 'traitement', 'médicament', 'juridique', 'diagnose', 'patienten',
    'symptome', 'behandlung', 'medikament', 'gericht', 'vertrag', 'diagnose', 'диагноз', 'пациент',
    'симптомы', 'лечение', 'препарат', 'суд', 'договор', 'молекула', 'клетки',
    '作用机制', '副作用', '疾病', '综合征', '给药', '中毒', '病理生理', '判例', '法条', '作用機序', '疾患', '病態', '症候群', '投与', '判例', '条文', '熱力学', '量子', '作용', '질환', '부작용', '판례', 'mecanismo de acción', 'efectos adversos', 'fisiopatología', 'jurisprudencia', 'mécanisme', 'effets indésirables', 'jurisprudence', 'wirkmechanismus', 'nebenwirkungen', 'rechtsprechung', 'mecanismo de ação', 'jurisprudência', 'механизм действия', 'побочные', 'судебная практика',
  ],
  summarization: [
    '总结', '概括', '摘要', '归纳', '缩写', '简述', '要点', '一句话', '总结一下', '主要内容', '核心观点',
    '要約', 'まとめ', '要点', '概要', '三行で', '簡潔に',
    '요약', '요점', '간추려', '핵심',
    'resume', 'resumen', 'resumir', 'resuma', 'resumo', 'sintetiza', 'résume', 'résumé',
    'résumer', 'synthèse', 'zusammenfassung', 'zusammen', 'fasse', 'kernaussagen', 'кратко',
    'краткое', 'резюме', 'перескажи', 'суммируй', 'основные мысли',
  ],
  extraction: [
    '提取', '抽取', '找出', '列出所有', '实体', '人名', '地名', '日期', '字段', '关键词', '信息抽取',
    'json格式', '以json',
    '抽出', '取り出', '固有表現', '人名', '地名', '日付', '項目', 'キーワ',
    '추출', '뽑아', '개체명', '날짜', '항목', '키워드',
    'extrae', 'extraer', 'extraiga', 'entidades', 'campos', 'extraia', 'extrair', 'extrais',
    'extraire', 'entités', 'champs', 'extrahiere', 'extrahieren', 'entitäten', 'felder',
    'извлеки', 'извлечь', 'сущности', 'поля', 'в формате json',
  ],
  classification: [
    '分类', '归类', '类别', '情感', '情绪', '正面', '负面', '积极', '消极', '判断', '属于哪', '标签',
    '垃圾邮件', '意图', '立场', '中性',
    '分類', 'カテゴリ', '感情', 'ポジティ', 'ネガティ', '判定', 'ラベル', 'スパム', '意図',
    '분류', '카테고리', '감정', '긍정', '부정', '판단', '레이블', '라벨', '스팸', '의도',
    'clasifica', 'clasificar', 'categoría', 'sentimiento', 'positivo', 'negativo', 'etiqueta',
    'classifique', 'classificar', 'categoria', 'classifie', 'classer', 'catégorie', 'sentiment',
    'positif', 'négatif', 'klassifiziere', 'kategorie', 'stimmung', 'positiv', 'negativ',
    'классифицируй', 'категория', 'тональность', 'позитивный', 'негативный', 'метка',
  ],
  translation: [
    '翻译', '译成', '翻译成', '译为', '英文', '中文', '英语', '日语', '法语', '德语', '韩语', '西班牙语',
    '翻訳', '訳して', '英語に', '日本語に', '英訳', '和訳', '中国語',
    '번역', '영어로', '한국어로', '일본어로',
    'traduce', 'traducir', 'traduzca', 'traducción', 'al inglés', 'al español', 'traduza',
    'traduzir', 'tradução', 'para o inglês', 'traduis', 'traduire', 'traduction', 'en anglais',
    'en français', 'übersetze', 'übersetzen', 'übersetzung', 'ins englische', 'ins deutsche',
    'переведи', 'перевести', 'перевод', 'на английский', 'на русский',
  ],
  creative_writing: [
    '写一首', '诗', '诗歌', '故事', '小说', '创作', '剧本', '广告语', '文案', '标语', '歌词', '扮演',
    '作文', '童话', '续写',
    '詩', '物語', '小説', '俳句', '創作', 'キャッチ', '歌詞', '演じ', 'ストーリ',
    '시를', '시 한', '이야기', '소설', '창작', '가사', '광고 문구', '역할',
    'poema', 'cuento', 'historia corta', 'relato', 'escribe una', 'eslogan', 'poesía', 'conto',
    'escreva um', 'poème', 'histoire', 'écris un', 'slogan', 'gedicht', 'geschichte', 'schreibe eine',
    'märchen', 'стихотворение', 'стих', 'рассказ', 'сказку', 'напиши историю', 'слоган',
    'microrrelato', 'relato', 'escribe un', 'narración', 'guion', 'verso', 'rima', 'nouvelle', 'écris une', 'kurzgeschichte', 'reim', 'escreva uma', 'crônica', 'напиши рассказ', 'сочини', 'お話', '短編', '書いて', '写一篇', '写一段', '编一个', '짧은 글', '써 줘',
  ],
  general_chat: [
    '你好', '为什么', '怎么办', '推荐', '建议', '什么是', '如何', '哪里', '谁是', '聊聊', '你觉得',
    'こんにち', 'なぜ', 'おすすめ', 'どうすれ', 'とは何', '教えて', 'どこ',
    '안녕하세', '왜', '추천', '어떻게', '무엇', '알려줘',
    'hola', 'por qué', 'qué es', 'recomienda', 'consejo', 'cómo puedo', 'olá', 'por que', 'o que é',
    'bonjour', 'pourquoi', "qu'est-ce", 'conseil', 'hallo', 'warum', 'was ist', 'empfiehlst',
    'привет', 'почему', 'что такое', 'посоветуй', 'как мне',
  ],
};

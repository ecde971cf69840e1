import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyPrompt } from './classify-prompt.ts';
import type { TextQueryType } from './query-type.ts';

/**
 * One Chinese, one Spanish and one Japanese prompt per text query type, written for this
 * test (not taken from, nor copied into, any training file: a test below checks that).
 */
const PROMPTS: Record<TextQueryType, { zh: string; es: string; ja: string }> = {
  coding: {
    zh: '用TypeScript写一个函数，把驼峰命名的字符串转换成下划线命名，并附上测试用例。',
    es: 'Mi script de Node.js lanza "ECONNREFUSED" al conectarse a Postgres en Docker. ¿Qué reviso en el docker-compose?',
    ja: 'Rustで構造体のベクタを年齢順にソートするコードを書いてください。',
  },
  math: {
    zh: '一个圆柱的底面半径是4厘米，高是10厘米，它的体积是多少立方厘米？（π取3.14）',
    es: 'Si 3 cuadernos y 2 bolígrafos cuestan 19 euros y un cuaderno cuesta 5 euros, ¿cuánto cuesta un bolígrafo?',
    ja: '等比数列の初項が2、公比が3のとき、第6項と初項から第6項までの和を求めよ。',
  },
  expert_qa: {
    zh: '华法林与阿司匹林联用时出血风险为何增加？临床上应监测哪些指标？',
    es: '¿Qué diferencia hay entre la responsabilidad contractual y la extracontractual en el derecho civil español?',
    ja: '強心配糖体ジギタリスの作用機序と、低カリウム血症で中毒が起きやすくなる理由を説明してください。',
  },
  summarization: {
    zh: '请用两句话概括下面这篇通知的要点：\n\n为提升办公效率，公司决定自下月起实行弹性工作制。员工可在早七点至十点之间任意时间到岗，每日工作满八小时即可。各部门需于本月底前提交排班表，人力资源部将负责考勤系统的调整。',
    es: 'Resume en dos frases el siguiente aviso:\n\nA partir del mes que viene la biblioteca municipal ampliará su horario hasta las 22:00 de lunes a viernes. Los sábados abrirá de 10:00 a 14:00 y se habilitará una sala de estudio silenciosa en la segunda planta. El préstamo de portátiles seguirá requiriendo carné.',
    ja: '次のお知らせを二文で要約してください。\n\n来月から市立図書館の開館時間が平日は午後十時まで延長されます。土曜日は午前十時から午後二時まで開館し、二階に静かな自習室が新設されます。ノートパソコンの貸し出しには引き続き利用者カードが必要です。',
  },
  extraction: {
    zh: '从下面的快递单信息中提取收件人、电话和详细地址，以JSON输出：\n\n收件人：赵敏，电话：13900001111，地址：广州市天河区体育西路88号3栋502。',
    es: 'Extrae en JSON el nombre del paciente, la fecha de la cita y el médico de este mensaje: "Hola, soy Carmen Ortiz, le confirmo la cita con la Dra. Navarro el 3 de marzo a las 9:30."',
    ja: '次の文から会社名、設立年、本社所在地を抽出してください：株式会社ミドリテックは2009年に設立され、本社を札幌市中央区に置いている。',
  },
  classification: {
    zh: '判断下面这条外卖评价的情感倾向（正面/负面/中性）：“送得很快，但是米饭是凉的，汤也洒了一半。”',
    es: 'Clasifica este correo como "urgente" o "no urgente": "El sistema de facturación no genera facturas desde esta mañana y hay 200 clientes esperando."',
    ja: '次のツイートをポジティブ、ネガティブ、ニュートラルのいずれかに分類してください：「新しいカフェ、雰囲気は最高だけどコーヒーがぬるかった。」',
  },
  translation: {
    zh: '请把这句话翻译成西班牙语：我们下周三要去博物馆参观。',
    es: 'Traduce al japonés: "El paquete llegará el jueves por la tarde."',
    ja: '次の文を中国語に翻訳してください：会議の資料は明日の朝までに共有します。',
  },
  creative_writing: {
    zh: '以“老街的路灯”为题，写一首八行的现代诗。',
    es: 'Escribe un microrrelato de cien palabras sobre un faro que se queda sin luz la noche de una tormenta.',
    ja: '夏祭りをテーマに、小学生向けの短いお話を書いてください。',
  },
  general_chat: {
    zh: '周末想带父母出去走走，杭州附近有什么适合老人的景点吗？',
    es: '¿Qué me recomiendas para no aburrirme en un viaje largo en tren?',
    ja: '最近なかなかやる気が出ないんだけど、どうしたらいいと思う？',
  },
};

const CASES = Object.entries(PROMPTS).flatMap(([type, byLanguage]) =>
  Object.entries(byLanguage).map(([language, prompt]) => ({ type: type as TextQueryType, language, prompt })),
);

describe('classifyPrompt in Chinese, Spanish and Japanese', () => {
  it.each(CASES)('$language $type', ({ type, prompt }) => {
    const result = classifyPrompt(prompt);
    expect(result.queryType).toBe(type);
  });

  it('uses prompts that are in no training file', () => {
    const files = [
      '../../data/task-prompts/dev.jsonl',
      '../../data/public-prompts/gpteacher.jsonl',
      '../../data/authored-prompts/authored.jsonl',
      '../../data/authored-prompts/multilingual.jsonl',
    ];
    const training = files.map((file) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')).join('\n');
    for (const { prompt } of CASES) expect(training.includes(JSON.stringify(prompt).slice(1, 40))).toBe(false);
  });
});

/**
 * English names of the college's departments (二级学院) and offices as the records name them in
 * Chinese (exchanges.csv keeps `department` in Chinese only). Reference data of the program: a
 * department not listed is shown by its own name in English too.
 */
const DEPARTMENTS: Readonly<Record<string, string>> = {
  旅游学院: 'School of Tourism',
  经济管理学院: 'School of Economics and Management',
  信息工程学院: 'School of Information Engineering',
  机电工程学院: 'School of Mechanical and Electrical Engineering',
  建筑工程学院: 'School of Architectural Engineering',
  医学院: 'School of Medicine',
  艺术设计学院: 'School of Art and Design',
  农林工程学院: 'School of Agriculture and Forestry Engineering',
  人文学院: 'School of Humanities',
  国际交流与合作处: 'International Exchange and Cooperation Office',
};

/** A department's name in the page's language: the English one when listed, else its own. */
export function departmentName(name: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' && Object.hasOwn(DEPARTMENTS, name) ? DEPARTMENTS[name]! : name;
}

import { recognize } from './src/core/recognize/recognize';
import { budgetWorkbook, nestedWorkbook } from './bench/ledgers';
const wb = process.env.NESTED ? nestedWorkbook(5000) : budgetWorkbook(5000);
for (let i = 0; i < 15; i++) recognize(wb, { month: 8 });
